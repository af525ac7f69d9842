package org.mingze.base.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The security filter chain of a public address that needs no login and must not create a session (calendar feeds,
 * the verification page of a result sheet): everything under {@code pattern} is permitted, statelessly, without
 * CSRF, login form or logout. Declare it as a bean with an {@code @Order} ahead of Vaadin's chain.
 */
public final class PublicPages {

    private PublicPages() {
    }

    public static SecurityFilterChain chain(HttpSecurity http, String pattern) throws Exception {
        http.securityMatcher(pattern)
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .csrf(c -> c.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable());
        return http.build();
    }
}
