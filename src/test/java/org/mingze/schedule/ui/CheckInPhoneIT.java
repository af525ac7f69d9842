package org.mingze.schedule.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.mingze.base.time.BureauZone;
import org.mingze.org.OrgService;
import org.mingze.schedule.AttendanceService;
import org.mingze.schedule.ScheduleService;
import org.mingze.schedule.SessionDraft;
import org.mingze.schedule.SessionType;
import org.mingze.testing.browser.BrowserTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Checking in on a phone, in a real headless Chromium (375 px, {@link BrowserTest}): the secretary's code screen
 * shows the rotating code and its QR code, a member types the code on the check-in page and is present; the
 * calendar and 我的会议 fit the phone. Screenshots go to target/screenshots.
 */
class CheckInPhoneIT extends BrowserTest {

    @Autowired
    ScheduleService schedule;
    @Autowired
    AttendanceService attendance;
    @Autowired
    OrgService org;

    @Test
    void a_member_checks_in_on_a_phone_with_the_code_from_the_secretarys_screen() throws IOException {
        long session = sessionStartingNow();
        window(375, 812);
        WebDriverWait wait = waiting();

        signIn("lihm");
        driver.get(url("/schedule/code/" + session));
        WebElement digits = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".mingze-host-code-digits")));
        wait.until(d -> digits.getText().matches("\\d{3} \\d{3}"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".mingze-host-code-qr svg")));
        screenshot("schedule-code-phone.png");
        assertNoSidewaysScroll("the code screen");
        driver.get(url("/schedule"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("mz-calendar .fc")));
        screenshot("schedule-calendar-phone.png");
        assertNoSidewaysScroll("the calendar");
        signOut();

        signIn("wangzh");
        driver.get(url("/schedule/mine"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".mingze-session-card")));
        screenshot("schedule-mine-phone.png");
        assertNoSidewaysScroll("my sessions");
        driver.get(url("/schedule/checkin/" + session));
        WebElement code = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".mingze-checkin-code input")));
        code.sendKeys(asUser("lihm", () -> attendance.hostCode(session).code()));
        driver.findElement(By.cssSelector(".mingze-checkin-submit")).click();
        WebElement result = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".mingze-checkin-ok")));
        screenshot("schedule-checkin-phone.png");
        assertThat(result.getText()).startsWith("签到成功");
        assertNoSidewaysScroll("the check-in page");
    }

    /** A theme day of 城关派出所党支部 that started five minutes ago, made as its secretary would. */
    private long sessionStartingNow() {
        return asUser("lihm", () -> {
            long unit = org.manageableUnits().stream().filter(u -> u.name().equals("城关派出所党支部")).findFirst()
                    .orElseThrow().id();
            return schedule.save(SessionDraft.of(unit, SessionType.THEME_DAY, "手机签到测试",
                    LocalDateTime.now(BureauZone.get()).minusMinutes(5))).session().id();
        });
    }
}
