package org.mingze.duty.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mingze.base.time.BureauZone;
import org.mingze.duty.AppraisalService;
import org.mingze.duty.DutyService;
import org.mingze.duty.Rating;
import org.mingze.duty.ReporterRow;
import org.mingze.duty.SessionDraft;
import org.mingze.org.MemberFilter;
import org.mingze.org.MemberRow;
import org.mingze.org.MemberService;
import org.mingze.org.OrgService;
import org.mingze.testing.browser.BrowserTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A duty-report meeting in a real headless Chromium: the secretary of 城关 runs the control screen for three
 * reporters while the presenter screen (a second window of her login) follows, showing each answer only after it is
 * revealed; then a member rates the reporters in a phone-sized window (375 px) with the code. Screenshots go to
 * target/screenshots. How the browser is started and when the class is skipped: {@link BrowserTest}.
 */
class DutyMeetingIT extends BrowserTest {

    @Autowired
    DutyService duty;
    @Autowired
    AppraisalService appraisal;
    @Autowired
    OrgService org;
    @Autowired
    MemberService members;

    @Test
    void a_meeting_runs_for_three_reporters_on_the_presenter_screen_and_members_vote_on_phones() throws IOException {
        long session = sessionOfThreeLeaders();
        WebDriverWait wait = waiting();
        window(1280, 800);
        signIn("lihm");
        driver.get(url("/duty/control/" + session));
        String control = driver.getWindowHandle();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".mingze-duty-buttons")));
        driver.switchTo().newWindow(WindowType.WINDOW);
        driver.get(url("/duty/present/" + session));
        String presenter = driver.getWindowHandle();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".mingze-duty-presenter"),
                "即将抽题"));

        List<String> stems = new ArrayList<>();
        for (int reporter = 1; reporter <= 3; reporter++) {
            for (int q = 1; q <= 3; q++) {
                driver.switchTo().window(control);
                click(wait, "抽题");
                int drawn = q;
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".mingze-duty-control"),
                        "已抽" + drawn + "/3题"));
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".mingze-duty-key")));
                String stem = driver.findElement(By.cssSelector(".mingze-duty-stem")).getText();
                stems.add(stem);
                driver.switchTo().window(presenter);
                wait.until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".mingze-duty-presenter-stem"), stem));
                assertThat(driver.findElements(By.cssSelector(".mingze-duty-presenter-answer"))).isEmpty();
                assertThat(driver.findElement(By.tagName("body")).getText()).as("no key before the reveal")
                        .doesNotContain("答案");
                if (reporter == 1 && q == 1) {
                    screenshot("duty-presenter-question.png");
                }
                driver.switchTo().window(control);
                click(wait, q == 2 ? "部分正确" : "正确");
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".mingze-duty-question"),
                        q == 2 ? "评定：部分正确" : "评定：正确"));
                click(wait, "公布答案");
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".mingze-duty-question"),
                        "答案已公布"));
                driver.switchTo().window(presenter);
                wait.until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector(".mingze-duty-presenter-answer")));
                if (reporter == 1 && q == 1) {
                    screenshot("duty-presenter-answer.png");
                }
            }
            driver.switchTo().window(control);
            if (reporter == 1) {
                screenshot("duty-control.png");
            }
            click(wait, "下一位");
            int next = reporter + 1;
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".mingze-duty-control"),
                    next <= 3 ? "第" + next + "位" : "全部结束"));
        }
        driver.switchTo().window(presenter);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".mingze-duty-presenter"),
                "现场问答结束"));
        driver.close();
        driver.switchTo().window(control);
        assertThat(stems).hasSize(9).doesNotHaveDuplicates();

        String code = asUser("lihm", () -> appraisal.openVoting(session));
        signOut();
        window(375, 812);
        signIn("wangzh");
        driver.get(url("/duty/vote"));
        WebElement field = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".mingze-checkin-code input")));
        field.sendKeys(code);
        click(wait, "进入评议");
        for (int i = 0; i < 3; i++) {
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-radio-button")));
            WebElement competent = driver.findElements(By.cssSelector("vaadin-radio-group")).get(0)
                    .findElement(By.cssSelector("vaadin-radio-button:nth-of-type(2)"));
            script("arguments[0].scrollIntoView({block: 'center'})", competent);
            competent.click();
            if (i == 0) {
                screenshot("duty-vote-phone.png");
                assertNoSidewaysScroll("the appraisal page");
            }
            int left = driver.findElements(By.cssSelector("vaadin-radio-group")).size();
            click(wait, "提交评价");
            wait.until(d -> d.findElements(By.cssSelector("vaadin-radio-group")).size() == left - 1);
        }
        assertNoSidewaysScroll("the appraisal page");
        List<ReporterRow> rows = asUser("lihm", () -> {
            appraisal.closeVoting(session);
            return duty.reporters(session);
        });
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.tally()).containsEntry(Rating.COMPETENT, 1);
            assertThat(r.qaScore()).isEqualByComparingTo("25");
        });
    }

    private long sessionOfThreeLeaders() {
        return asUser("lihm", () -> {
            long unit = org.manageableUnits().stream().filter(u -> u.name().equals("城关派出所党支部")).findFirst()
                    .orElseThrow().id();
            List<Long> leaders = members.search(new MemberFilter(null, unit, true, true), 0, 50).getContent().stream()
                    .filter(m -> m.unitId() == unit && !"王振华".equals(m.name()) && !"李红梅".equals(m.name()))
                    .map(MemberRow::id).limit(2).collect(Collectors.toCollection(ArrayList::new));
            members.search(new MemberFilter("李红梅", unit, true, null), 0, 5).getContent().stream().findFirst()
                    .ifPresent(m -> leaders.add(m.id()));
            assertThat(leaders).hasSize(3);
            return duty.create(new SessionDraft("浏览器测试述职评议", LocalDate.now(BureauZone.get()).getYear(), unit,
                    LocalDate.now(BureauZone.get()).plusDays(1), leaders, List.of("主体责任基础知识", "责任清单与责任书"), List.of(), 3,
                    10, 0, false)).id();
        });
    }

    private void click(WebDriverWait wait, String text) {
        By b = By.xpath("//vaadin-button[normalize-space(.)='" + text + "' and not(@disabled)]");
        WebElement button = wait.until(ExpectedConditions.elementToBeClickable(b));
        script("arguments[0].scrollIntoView({block: 'center'})", button);
        button.click();
    }
}
