package org.mingze.base.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What a password must be: 8 to 128 characters, not a commonly used password (the list in
 * {@code security/common-passwords.txt}, compared case-insensitively), and not the username itself.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;

    private final Set<String> common;

    public PasswordPolicy() {
        this.common = load();
    }

    /** The i18n key of the first rule the password breaks, or empty when it is acceptable. */
    public Optional<String> check(String password, String username) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("password.too-short");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("password.too-long");
        }
        if (password.isBlank()) {
            return Optional.of("password.too-short");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            return Optional.of("password.too-common");
        }
        if (username != null && lower.equals(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("password.same-as-username");
        }
        if (lower.chars().distinct().count() < 3) {
            return Optional.of("password.too-simple");
        }
        return Optional.empty();
    }

    private static Set<String> load() {
        Set<String> set = new HashSet<>();
        var in = PasswordPolicy.class.getResourceAsStream("/security/common-passwords.txt");
        if (in == null) {
            throw new IllegalStateException("security/common-passwords.txt is missing from the classpath");
        }
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .forEach(l -> set.add(l.toLowerCase(Locale.ROOT)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return set;
    }
}
