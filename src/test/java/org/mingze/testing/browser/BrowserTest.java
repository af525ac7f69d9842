package org.mingze.testing.browser;

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
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.mingze.base.security.CurrentUser;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

/**
 * The base of the real-browser tests ({@code *IT}, decision 0002): the application on a random port (one Spring
 * context for all of them: keep subclasses free of their own context configuration), and for each test class one
 * headless Debian {@code chromium} driven through Debian's {@code chromedriver}, never a downloaded browser or
 * driver, asking for Chinese. Without them a class is skipped before the application starts, unless
 * {@code MINGZE_REQUIRE_BROWSER=1} (set by {@code .ci/run}) makes that a failure. A failed test leaves a screenshot
 * {@code failed-<class>-<test>.png} in {@link #SCREENSHOTS}. Helpers: {@link #signIn}, {@link #screenshot},
 * {@link #assertNoSidewaysScroll}, {@link #asUser} and the like; waits are explicit, never sleeps.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                // Shows in the build log that Vaadin used the committed dev bundle ("... build is not needed").
                "logging.level.com.vaadin.flow.server.frontend.BundleValidationUtil=info",
                // No dev-tools badge or "Development Mode" toast in the screenshots.
                "vaadin.devmode.devTools.enabled=false"})
@ActiveProfiles("test")
@ExtendWith(BrowserTest.Browser.class)
public abstract class BrowserTest {

    public static final String NO_BROWSER = "skipped: no Chromium/chromedriver at /usr/bin (Debian: apt-get install "
            + "-y chromium chromium-driver fonts-noto-cjk). Set MINGZE_REQUIRE_BROWSER=1 to make this a failure.";
    public static final Path CHROMIUM = Paths.get(System.getProperty("mingze.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Paths.get(System.getProperty("mingze.chromedriver",
            "/usr/bin/chromedriver"));
    /** Where screenshots go; {@code -Dmingze.screenshots=docs/screenshots} refreshes the README's. */
    public static final Path SCREENSHOTS = Paths.get(System.getProperty("mingze.screenshots", "target/screenshots"));
    public static final Duration WAIT = Duration.ofSeconds(30);
    /** The demo accounts' password. */
    public static final String PASSWORD = "Mingze@2026";

    /** Selenium warns that it has no DevTools (CDP) module for this Chromium; these tests use none. */
    private static final List<Logger> QUIET = Stream.of("org.openqa.selenium.devtools.CdpVersionFinder",
            "org.openqa.selenium.chromium.ChromiumDriver").map(Logger::getLogger).toList();

    /** The browser of the running test class. */
    protected static WebDriver driver;
    private static Path profileDir;

    @LocalServerPort
    protected int port;
    @Autowired
    private UserDetailsService users;

    static boolean browserInstalled() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    static boolean browserRequired() {
        return "1".equals(System.getenv("MINGZE_REQUIRE_BROWSER"));
    }

    @BeforeAll
    static void startBrowser() throws IOException {
        assertThat(browserInstalled())
                .as("MINGZE_REQUIRE_BROWSER=1 but Chromium or its driver is missing at %s and %s "
                        + "(apt-get install -y chromium chromium-driver fonts-noto-cjk)", CHROMIUM, CHROMEDRIVER)
                .isTrue();
        QUIET.forEach(logger -> logger.setLevel(Level.SEVERE));
        // Point Selenium at Debian's driver so that Selenium Manager never looks for (or downloads) one.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        profileDir = Files.createTempDirectory("mingze-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=375,812", "--lang=zh-CN", "--user-data-dir=" + profileDir);
        // The app follows the browser's language; ask for Chinese as a phone in China would.
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
        if (profileDir != null) {
            try (Stream<Path> files = Files.walk(profileDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            profileDir = null;
        }
    }

    /** The window size (a phone: 375 x 812, as the views are checked at; a desktop: 1280 x 800). */
    protected void window(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    protected WebDriverWait waiting() {
        return new WebDriverWait(driver, WAIT);
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Types a user name and password into the Vaadin login form and submits it (waits for nothing after). */
    protected void submitLogin(String username, String password) {
        driver.get(url("/login"));
        WebElement user = waiting().until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("vaadin-login-form input[name='username']")));
        WebElement pass = driver.findElement(By.cssSelector("vaadin-login-form input[name='password']"));
        user.sendKeys(username);
        pass.sendKeys(password, Keys.ENTER);
    }

    /** Signs a demo account in through the login form and waits until the browser has left the login page. */
    protected void signIn(String username) {
        submitLogin(username, PASSWORD);
        waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /** Forgets the session (the next page asks for a login). */
    protected void signOut() {
        driver.manage().deleteAllCookies();
    }

    protected Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    protected void scrollTo(String css) {
        script("document.querySelector(arguments[0]).scrollIntoView()", css);
    }

    /** The page is no wider than the window: nothing scrolls sideways. */
    protected void assertNoSidewaysScroll(String what) {
        Object overflow = script("return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) overflow).intValue()).as(what + " is wider than the phone").isLessThanOrEqualTo(0);
    }

    /** Saves what the browser shows as {@code name} in {@link #SCREENSHOTS}. */
    protected static void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Runs {@code work} through the services as this account would (setting up data), in a fresh context. */
    protected <T> T asUser(String username, Supplier<T> work) {
        SecurityContext previous = CurrentUser.actAs(users.loadUserByUsername(username));
        try {
            return work.get();
        } finally {
            CurrentUser.restore(previous);
        }
    }

    /**
     * Skips a browser test class when Chromium is missing (evaluated before the Spring context starts, so a skip
     * costs nothing) and leaves a screenshot of a failed test.
     */
    static final class Browser implements ExecutionCondition, TestWatcher {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (browserInstalled() || browserRequired()) {
                return ConditionEvaluationResult.enabled("Chromium and chromedriver found (or required)");
            }
            String reason = context.getRequiredTestClass().getSimpleName() + " " + NO_BROWSER;
            if (context.getTestMethod().isEmpty()) {
                System.err.println("WARNING: " + reason);
            }
            return ConditionEvaluationResult.disabled(reason);
        }

        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (driver == null) {
                return;
            }
            String name = "failed-" + context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getRequiredTestMethod().getName() + ".png";
            try {
                screenshot(name);
                System.err.println("Screenshot of the failed test: " + SCREENSHOTS.resolve(name).toAbsolutePath());
            } catch (IOException | RuntimeException e) {
                System.err.println("No screenshot of the failed test: " + e);
            }
        }
    }
}
