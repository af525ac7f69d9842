package org.mingze.quiz.ui;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.mingze.testing.browser.BrowserTest;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The organiser's test pages on a phone (375 px wide, in a real headless Chromium, {@link BrowserTest}): the test
 * list, a new paper, a new test's settings, the monitor and the results of the demo test; nothing scrolls sideways.
 * Screenshots go to target/screenshots.
 */
class ExamAdminPhoneIT extends BrowserTest {

    @Test
    void the_organisers_test_pages_fit_a_phone_without_sideways_scrolling() throws IOException {
        window(375, 812);
        signIn("lihm");
        WebDriverWait wait = waiting();

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
}
