package org.mingze.quiz.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The organiser's test pages on a phone (375 px wide, in a real headless Chromium as LoginIT drives it): the test
 * list, a new paper, a new test's settings, the monitor and the results of the demo test; nothing scrolls sideways.
 * Screenshots go to target/screenshots. Skipped without Debian's chromium and chromedriver, unless
 * {@code MINGZE_REQUIRE_BROWSER=1}.
 */
// the same properties as LoginIT, so that both share one application context
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"logging.level.com.vaadin.flow.server.frontend.BundleValidationUtil=info",
                "vaadin.devmode.devTools.enabled=false"})
@ActiveProfiles("test")
@EnabledIf(value = "browserInstalledOrRequired", disabledReason = "no Chromium/chromedriver at /usr/bin")
class ExamAdminPhoneIT {

    static WebDriver driver;

    @LocalServerPort
    int port;

    static boolean browserInstalledOrRequired() {
        return QuestionBankPhoneIT.browserInstalledOrRequired();
    }

    @BeforeAll
    static void startBrowser() throws IOException {
        QuestionBankPhoneIT.startBrowser();
        driver = QuestionBankPhoneIT.driver;
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        QuestionBankPhoneIT.stopBrowser();
        QuestionBankPhoneIT.driver = null;
    }

    @Test
    void the_organisers_test_pages_fit_a_phone_without_sideways_scrolling() throws IOException {
        driver.manage().window().setSize(new Dimension(375, 812));
        signIn("lihm", "Mingze@2026");
        WebDriverWait wait = new WebDriverWait(driver, QuestionBankPhoneIT.WAIT);
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        Files.createDirectories(QuestionBankPhoneIT.SCREENSHOTS);

        driver.get(url("/exams/admin"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".mingze-exam-admin-row")));
        screenshot("exam-admin-phone.png");
        assertNoSidewaysScroll("the test list");

        driver.get(url("/exams/paper"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".mingze-paper-section")));
        screenshot("exam-paper-phone.png");
        assertNoSidewaysScroll("the paper editor");

        driver.get(url("/exams/edit"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".mingze-exam-settings-save")));
        screenshot("exam-settings-phone.png");
        assertNoSidewaysScroll("the settings form");

        driver.get(url("/exams/admin"));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".mingze-exam-admin-monitor"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".mingze-exam-monitor vaadin-grid")));
        screenshot("exam-monitor-phone.png");
        assertNoSidewaysScroll("the monitor");

        driver.get(url("/exams/admin"));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".mingze-exam-admin-results"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".mingze-exam-results vaadin-grid")));
        screenshot("exam-results-phone.png");
        assertNoSidewaysScroll("the results");
    }

    private void assertNoSidewaysScroll(String what) {
        Object overflow = ((ChromeDriver) driver).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) overflow).intValue()).as(what + " is wider than the phone").isLessThanOrEqualTo(0);
    }

    private void signIn(String username, String password) {
        driver.get(url("/login"));
        WebDriverWait wait = new WebDriverWait(driver, QuestionBankPhoneIT.WAIT);
        WebElement user = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("vaadin-login-form input[name='username']")));
        WebElement pass = driver.findElement(By.cssSelector("vaadin-login-form input[name='password']"));
        user.sendKeys(username);
        pass.sendKeys(password, Keys.ENTER);
    }

    private void screenshot(String name) throws IOException {
        Path shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, QuestionBankPhoneIT.SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
