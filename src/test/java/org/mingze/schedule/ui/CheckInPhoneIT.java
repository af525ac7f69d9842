package org.mingze.schedule.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.mingze.base.time.BureauZone;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.time.LocalDateTime;
import org.mingze.schedule.AttendanceService;
import org.mingze.schedule.ScheduleService;
import org.mingze.schedule.SessionDraft;
import org.mingze.schedule.SessionType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Checking in on a phone, in a real headless Chromium (375 px): the secretary's code screen shows the rotating code
 * and its QR code, a member types the code on the check-in page and is present; the calendar and 我的会议 fit the
 * phone. Screenshots go to target/screenshots. Skipped without Debian's chromium and chromedriver, unless
 * {@code MINGZE_REQUIRE_BROWSER=1}.
 */
// the same properties as LoginIT, so that all browser tests share one application context
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"logging.level.com.vaadin.flow.server.frontend.BundleValidationUtil=info",
                "vaadin.devmode.devTools.enabled=false"})
@ActiveProfiles("test")
@EnabledIf(value = "browserInstalledOrRequired", disabledReason = "no Chromium/chromedriver at /usr/bin")
class CheckInPhoneIT {

    static final Path CHROMIUM = Paths.get(System.getProperty("mingze.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Paths.get(System.getProperty("mingze.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Paths.get(System.getProperty("mingze.screenshots", "target/screenshots"));
    static final Duration WAIT = Duration.ofSeconds(30);

    static WebDriver driver;
    static Path profileDir;

    @LocalServerPort
    int port;
    @Autowired
    ScheduleService schedule;
    @Autowired
    AttendanceService attendance;
    @Autowired
    UserDetailsService users;
    @Autowired
    org.mingze.org.OrgService org;

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
                "--no-first-run", "--window-size=375,812", "--lang=zh-CN", "--user-data-dir=" + profileDir);
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
    void a_member_checks_in_on_a_phone_with_the_code_from_the_secretarys_screen() throws IOException {
        long session = sessionStartingNow();
        driver.manage().window().setSize(new Dimension(375, 812));
        Files.createDirectories(SCREENSHOTS);
        WebDriverWait wait = new WebDriverWait(driver, WAIT);

        signIn("lihm", "Mingze@2026");
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
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

        signIn("wangzh", "Mingze@2026");
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        driver.get(url("/schedule/mine"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".mingze-session-card")));
        screenshot("schedule-mine-phone.png");
        assertNoSidewaysScroll("my sessions");
        driver.get(url("/schedule/checkin/" + session));
        WebElement code = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".mingze-checkin-code input")));
        code.sendKeys(currentCode(session));
        driver.findElement(By.cssSelector(".mingze-checkin-submit")).click();
        WebElement result = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".mingze-checkin-ok")));
        screenshot("schedule-checkin-phone.png");
        assertThat(result.getText()).startsWith("签到成功");
        assertNoSidewaysScroll("the check-in page");
    }

    /** A theme day of 城关派出所党支部 that started five minutes ago, made as its secretary would. */
    private long sessionStartingNow() {
        asUser("lihm");
        try {
            long unit = org.manageableUnits().stream().filter(u -> u.name().equals("城关派出所党支部")).findFirst()
                    .orElseThrow().id();
            return schedule.save(SessionDraft.of(unit, SessionType.THEME_DAY, "手机签到测试",
                    LocalDateTime.now(BureauZone.get()).minusMinutes(5))).session().id();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private String currentCode(long session) {
        asUser("lihm");
        try {
            return attendance.hostCode(session).code();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void asUser(String username) {
        var user = users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
    }

    private void signOut() {
        driver.manage().deleteAllCookies();
    }

    private void assertNoSidewaysScroll(String what) {
        Object overflow = ((ChromeDriver) driver).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) overflow).intValue()).as(what + " is wider than the phone").isLessThanOrEqualTo(0);
    }

    private void scrollTo(String css) {
        ((ChromeDriver) driver).executeScript("document.querySelector(arguments[0]).scrollIntoView()", css);
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
