package org.mingze.quiz.ui;

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
 * The question bank's list and editor on a phone (375 px wide, in a real headless Chromium as LoginIT drives it):
 * nothing scrolls sideways, and screenshots go to target/screenshots. Skipped without Debian's chromium and
 * chromedriver, unless {@code MINGZE_REQUIRE_BROWSER=1}.
 */
// the same properties as LoginIT, so that both share one application context
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"logging.level.com.vaadin.flow.server.frontend.BundleValidationUtil=info",
                "vaadin.devmode.devTools.enabled=false"})
@ActiveProfiles("test")
@EnabledIf(value = "browserInstalledOrRequired", disabledReason = "no Chromium/chromedriver at /usr/bin")
class QuestionBankPhoneIT {

    static final Path CHROMIUM = Paths.get(System.getProperty("mingze.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Paths.get(System.getProperty("mingze.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Paths.get(System.getProperty("mingze.screenshots", "target/screenshots"));
    static final Duration WAIT = Duration.ofSeconds(30);

    static WebDriver driver;
    static Path profileDir;

    @LocalServerPort
    int port;

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
    void the_list_and_the_editor_fit_a_phone_without_sideways_scrolling() throws IOException {
        driver.manage().window().setSize(new Dimension(375, 812));
        signIn("lihm", "Mingze@2026");
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

        driver.get(url("/quiz/questions?tag=" + java.net.URLEncoder.encode("一岗双责",
                java.nio.charset.StandardCharsets.UTF_8)));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".mingze-qcard")));
        Files.createDirectories(SCREENSHOTS);
        screenshot("quiz-list-phone.png");
        assertNoSidewaysScroll("the list");

        driver.findElement(By.cssSelector(".mingze-qcard")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".mingze-qform")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".mingze-question")));
        screenshot("quiz-editor-phone.png");
        assertNoSidewaysScroll("the editor");
        scrollTo(".mingze-qeditor-preview");
        screenshot("quiz-editor-phone-preview.png");

        driver.get(url("/quiz/questions/new"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".mingze-qform-option")));
        scrollTo(".mingze-qform-options");
        screenshot("quiz-editor-phone-new.png");
        assertNoSidewaysScroll("a new question");

        driver.findElement(By.cssSelector(".mingze-qeditor-save")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".mingze-fieldbox.invalid")));
        scrollTo(".mingze-qform-options");
        screenshot("quiz-editor-phone-problems.png");
        assertNoSidewaysScroll("a refused question");
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
