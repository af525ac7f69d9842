package org.mingze.quiz.ui;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.mingze.testing.browser.BrowserTest;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The question bank's list and editor on a phone (375 px wide, in a real headless Chromium, {@link BrowserTest}):
 * nothing scrolls sideways, and screenshots go to target/screenshots.
 */
class QuestionBankPhoneIT extends BrowserTest {

    @Test
    void the_list_and_the_editor_fit_a_phone_without_sideways_scrolling() throws IOException {
        window(375, 812);
        signIn("lihm");
        WebDriverWait wait = waiting();

        driver.get(url("/quiz/questions?tag=" + URLEncoder.encode("一岗双责", StandardCharsets.UTF_8)));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".mingze-qcard")));
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
}
