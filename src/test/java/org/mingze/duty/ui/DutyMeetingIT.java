package org.mingze.duty.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
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
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

/**
 * A duty-report meeting in a real headless Chromium: the secretary of 城关 runs the control screen for three
 * reporters while the presenter screen (a second window of her login) follows, showing each answer only after it is
 * revealed; then a member rates the reporters in a phone-sized window (375 px) with the code. Screenshots go to
 * target/screenshots. Skipped without Debian's chromium and chromedriver, unless {@code MINGZE_REQUIRE_BROWSER=1}.
 */
// the same properties as LoginIT, so that all browser tests share one application context
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"logging.level.com.vaadin.flow.server.frontend.BundleValidationUtil=info",
                "vaadin.devmode.devTools.enabled=false"})
@ActiveProfiles("test")
@EnabledIf(value = "browserInstalledOrRequired", disabledReason = "no Chromium/chromedriver at /usr/bin")
class DutyMeetingIT {

    static final Path CHROMIUM = Paths.get(System.getProperty("mingze.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Paths.get(System.getProperty("mingze.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Paths.get(System.getProperty("mingze.screenshots", "target/screenshots"));
    static final Duration WAIT = Duration.ofSeconds(30);

    static WebDriver driver;
    static Path profileDir;

    @LocalServerPort
    int port;
    @Autowired
    DutyService duty;
    @Autowired
    AppraisalService appraisal;
    @Autowired
    OrgService org;
    @Autowired
    MemberService members;
    @Autowired
    UserDetailsService users;

    static boolean browserInstalledOrRequired() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)
                || "1".equals(System.getenv("MINGZE_REQUIRE_BROWSER"));
    }

    @BeforeAll
    static void startBrowser() throws IOException {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("Chromium and chromedriver at %s and %s", CHROMIUM, CHROMEDRIVER).isTrue();
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        profileDir = Files.createTempDirectory("mingze-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,800", "--lang=zh-CN", "--user-data-dir=" + profileDir);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profileDir != null) {
            try (Stream<Path> files = Files.walk(profileDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void a_meeting_runs_for_three_reporters_on_the_presenter_screen_and_members_vote_on_phones() throws IOException {
        long session = sessionOfThreeLeaders();
        Files.createDirectories(SCREENSHOTS);
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        driver.manage().window().setSize(new Dimension(1280, 800));
        signIn("lihm", "Mingze@2026");
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
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

        String code = openVoting(session);
        driver.manage().deleteAllCookies();
        driver.manage().window().setSize(new Dimension(375, 812));
        signIn("wangzh", "Mingze@2026");
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        driver.get(url("/duty/vote"));
        WebElement field = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".mingze-checkin-code input")));
        field.sendKeys(code);
        click(wait, "进入评议");
        for (int i = 0; i < 3; i++) {
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-radio-button")));
            WebElement competent = driver.findElements(By.cssSelector("vaadin-radio-group")).get(0)
                    .findElement(By.cssSelector("vaadin-radio-button:nth-of-type(2)"));
            ((ChromeDriver) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", competent);
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
        List<ReporterRow> rows = closeAndRead(session);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.tally()).containsEntry(Rating.COMPETENT, 1);
            assertThat(r.qaScore()).isEqualByComparingTo("25");
        });
    }

    private long sessionOfThreeLeaders() {
        asUser("lihm");
        try {
            long unit = org.manageableUnits().stream().filter(u -> u.name().equals("城关派出所党支部")).findFirst()
                    .orElseThrow().id();
            List<Long> leaders = members.search(new MemberFilter(null, unit, true, true), 0, 50).getContent().stream()
                    .filter(m -> m.unitId() == unit && !"王振华".equals(m.name()) && !"李红梅".equals(m.name()))
                    .map(MemberRow::id).limit(2).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
            members.search(new MemberFilter("李红梅", unit, true, null), 0, 5).getContent().stream().findFirst()
                    .ifPresent(m -> leaders.add(m.id()));
            assertThat(leaders).hasSize(3);
            return duty.create(new SessionDraft("浏览器测试述职评议", LocalDate.now(BureauZone.get()).getYear(), unit,
                    LocalDate.now(BureauZone.get()).plusDays(1), leaders, List.of("主体责任基础知识", "责任清单与责任书"), List.of(), 3,
                    10, 0, false)).id();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private String openVoting(long session) {
        asUser("lihm");
        try {
            return appraisal.openVoting(session);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private List<ReporterRow> closeAndRead(long session) {
        asUser("lihm");
        try {
            appraisal.closeVoting(session);
            return duty.reporters(session);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void click(WebDriverWait wait, String text) {
        By b = By.xpath("//vaadin-button[normalize-space(.)='" + text + "' and not(@disabled)]");
        WebElement button = wait.until(ExpectedConditions.elementToBeClickable(b));
        ((ChromeDriver) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
        button.click();
    }

    private void asUser(String username) {
        var user = users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
    }

    private void assertNoSidewaysScroll(String what) {
        Object overflow = ((ChromeDriver) driver).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) overflow).intValue()).as(what + " is wider than the phone").isLessThanOrEqualTo(0);
    }

    private void signIn(String username, String password) {
        driver.get(url("/login"));
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        WebElement user = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("vaadin-login-form input[name='username']")));
        WebElement pass = driver.findElement(By.cssSelector("vaadin-login-form input[name='password']"));
        user.sendKeys(username);
        pass.sendKeys(password, Keys.ENTER);
    }

    private void screenshot(String name) throws IOException {
        Path shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
