package org.mingze.org.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
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

/**
 * Logs in through the real Vaadin login form in a real (headless) Chromium on a phone-sized window: Debian's
 * {@code chromium} and {@code chromium-driver}, never a downloaded browser or driver. Without them the class is
 * skipped (before the application starts), unless {@code MINGZE_REQUIRE_BROWSER=1} (set by {@code .ci/run}) makes
 * that a failure.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                // Shows in the build log that Vaadin used the committed dev bundle ("... build is not needed").
                "logging.level.com.vaadin.flow.server.frontend.BundleValidationUtil=info",
                // No dev-tools badge or "Development Mode" toast in the screenshots.
                "vaadin.devmode.devTools.enabled=false"})
@ActiveProfiles("test")
@EnabledIf(value = "browserInstalledOrRequired", disabledReason = LoginIT.NO_BROWSER)
class LoginIT {

    static final String NO_BROWSER = "LoginIT skipped: no Chromium/chromedriver at /usr/bin (Debian: apt-get install -y "
            + "chromium chromium-driver fonts-noto-cjk). Set MINGZE_REQUIRE_BROWSER=1 to make this a failure.";

    static final Path CHROMIUM = Paths.get(System.getProperty("mingze.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Paths.get(System.getProperty("mingze.chromedriver", "/usr/bin/chromedriver"));
    /** Where screenshots go; {@code -Dmingze.screenshots=docs/screenshots} refreshes the README's. */
    static final Path SCREENSHOTS = Paths.get(System.getProperty("mingze.screenshots", "target/screenshots"));
    static final Duration WAIT = Duration.ofSeconds(20);

    /** Selenium warns that it has no DevTools (CDP) module for this Chromium; these tests use none. */
    static final List<Logger> QUIET = Stream.of("org.openqa.selenium.devtools.CdpVersionFinder",
            "org.openqa.selenium.chromium.ChromiumDriver").map(Logger::getLogger).toList();

    static WebDriver driver;
    static Path profileDir;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws IOException {
        requireBrowser();
        QUIET.forEach(logger -> logger.setLevel(Level.SEVERE));
        // Point Selenium at Debian's driver so that Selenium Manager never looks for (or downloads) one.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        profileDir = Files.createTempDirectory("mingze-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=390,844", "--lang=zh-CN", "--user-data-dir=" + profileDir);
        // The app follows the browser's language; ask for Chinese as a phone in China would.
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
    }

    static boolean browserInstalled() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    static boolean browserRequired() {
        return "1".equals(System.getenv("MINGZE_REQUIRE_BROWSER"));
    }

    /** The class condition: evaluated before the Spring context starts, so a skip costs nothing. */
    static boolean browserInstalledOrRequired() {
        if (browserInstalled() || browserRequired()) {
            return true;
        }
        System.err.println("WARNING: " + NO_BROWSER);
        return false;
    }

    /** With MINGZE_REQUIRE_BROWSER=1 a missing browser fails the class instead of skipping it. */
    private static void requireBrowser() {
        assertThat(browserInstalled())
                .as("MINGZE_REQUIRE_BROWSER=1 but Chromium or its driver is missing at %s and %s "
                        + "(apt-get install -y chromium chromium-driver fonts-noto-cjk)", CHROMIUM, CHROMEDRIVER)
                .isTrue();
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

    @BeforeEach
    void signedOut() {
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(url("/login"));
        driver.manage().deleteAllCookies();
    }

    @Test
    void the_learner_signs_in_and_lands_on_his_chinese_to_do_page() throws IOException {
        signIn("wangzh", "Mingze@2026");

        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//h2[normalize-space()='王振华，您好']")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//h2[normalize-space()='我的待办']")));
        assertThat(driver.getCurrentUrl()).doesNotContain("/login");
        assertThat(driver.getTitle()).contains("我的待办");

        Files.createDirectories(SCREENSHOTS);
        screenshot("home.png");
        driver.manage().window().setSize(new Dimension(1280, 800));
        wait.until(d -> Boolean.TRUE.equals(((ChromeDriver) d).executeScript(
                "return window.innerWidth >= 1200 && !document.querySelector('vaadin-app-layout').overlay")));
        screenshot("home-desktop.png");
    }

    @Test
    void a_wrong_password_shows_the_chinese_error_on_the_login_page() {
        signIn("wangzh", "not-the-password");

        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.until(ExpectedConditions.urlContains("/login?error"));
        WebElement form = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("vaadin-login-form[error]")));
        // The message is drawn in the form wrapper's shadow DOM.
        WebElement wrapper = form.findElement(By.cssSelector("vaadin-login-form-wrapper"));
        wait.until(d -> wrapper.getShadowRoot().findElement(By.cssSelector("[part='error-message']"))
                .getText().contains("用户名或密码不正确"));
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
