package org.mingze.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void seven_characters_are_too_short_and_eight_are_enough() {
        assertThat(policy.check("Ab3$xyz", "u")).contains("password.too-short");
        assertThat(policy.check("Ab3$xyzq", "u")).isEmpty();
    }

    @Test
    void passwords_of_64_characters_are_allowed_and_over_128_are_not() {
        assertThat(policy.check("aB3$".repeat(16), "u")).isEmpty();
        assertThat(policy.check("aB3$".repeat(32) + "x", "u")).contains("password.too-long");
    }

    @Test
    void common_passwords_are_refused_whatever_their_case() {
        assertThat(policy.check("12345678", "u")).contains("password.too-common");
        assertThat(policy.check("PassWord123", "u")).contains("password.too-common");
        assertThat(policy.check("woaini1314", "u")).contains("password.too-common");
    }

    @Test
    void the_username_is_not_a_password() {
        assertThat(policy.check("wangzhenhua", "WangZhenHua")).contains("password.same-as-username");
    }

    @Test
    void a_password_of_one_or_two_repeated_characters_is_too_simple() {
        assertThat(policy.check("abababab", "u")).contains("password.too-simple");
    }
}
