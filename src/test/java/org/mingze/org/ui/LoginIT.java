package org.mingze.org.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mingze.testing.browser.BrowserTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Logs in through the real Vaadin login form in a real (headless) Chromium on a phone-sized window (390 px; how the
 * browser is started and when the class is skipped: {@link BrowserTest}).
 */
class LoginIT extends BrowserTest {

    @BeforeEach
    void signedOut() {
        window(390, 844);
        driver.get(url("/login"));
        signOut();
    }

    @Test
    void the_learner_signs_in_and_lands_on_his_chinese_to_do_page() throws IOException {
        submitLogin("wangzh", PASSWORD);

        WebDriverWait wait = waiting();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//h2[normalize-space()='王振华，您好']")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//h2[normalize-space()='我的待办']")));
        assertThat(driver.getCurrentUrl()).doesNotContain("/login");
        assertThat(driver.getTitle()).contains("我的待办");

        screenshot("home.png");
        window(1280, 800);
        wait.until(d -> Boolean.TRUE.equals(script(
                "return window.innerWidth >= 1200 && !document.querySelector('vaadin-app-layout').overlay")));
        screenshot("home-desktop.png");
    }

    @Test
    void a_wrong_password_shows_the_chinese_error_on_the_login_page() {
        submitLogin("wangzh", "not-the-password");

        WebDriverWait wait = waiting();
        wait.until(ExpectedConditions.urlContains("/login?error"));
        WebElement form = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("vaadin-login-form[error]")));
        // The message is drawn in the form wrapper's shadow DOM.
        WebElement wrapper = form.findElement(By.cssSelector("vaadin-login-form-wrapper"));
        wait.until(d -> wrapper.getShadowRoot().findElement(By.cssSelector("[part='error-message']"))
                .getText().contains("用户名或密码不正确"));
    }
}
