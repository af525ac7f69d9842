package org.mingze.search.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Security for {@code /api/**}, ahead of Vaadin's chain: every request must be authenticated, either by the
 * browser session of a signed-in person or by HTTP Basic (for scripts). No session is created for Basic callers.
 * CSRF protection stays on for anything but GET/HEAD/OPTIONS (the API has only GET endpoints). Failures answer
 * with JSON, not a login page.
 *
 * <p>Basic authentication publishes failures (so that wrong passwords count towards the account lockout and are
 * audited) but not successes: every API call would otherwise write a "login" to the audit log.
 */
@Configuration(proxyBeanMethods = false)
class SearchApiSecurity {

    static final String API = "/api/**";

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, UserDetailsService users, PasswordEncoder encoder,
                                               AuthenticationEventPublisher events, MessageSource messages,
                                               ObjectMapper json) throws Exception {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(encoder);
        provider.setUserDetailsService(users);
        ProviderManager basic = new ProviderManager(provider);
        basic.setAuthenticationEventPublisher(new FailuresOnly(events));

        http.securityMatcher(API)
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .authenticationManager(basic)
                .httpBasic(b -> b.realmName("Mingze").authenticationEntryPoint(
                        (request, response, e) -> unauthorized(request, response, messages, json)))
                .exceptionHandling(x -> x.authenticationEntryPoint(
                        (request, response, e) -> unauthorized(request, response, messages, json)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(c -> c.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable());
        return http.build();
    }

    private static void unauthorized(HttpServletRequest request, HttpServletResponse response,
                                     MessageSource messages, ObjectMapper json) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Basic realm=\"Mingze\", charset=\"UTF-8\"");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", 401);
        body.put("error", "unauthorized");
        body.put("message", messages.getMessage("search.api.unauthorized", null, ApiLocale.of(request)));
        json.writeValue(response.getOutputStream(), body);
    }

    /** Passes on failed authentications only. */
    private record FailuresOnly(AuthenticationEventPublisher delegate) implements AuthenticationEventPublisher {
        @Override
        public void publishAuthenticationSuccess(Authentication authentication) {
            // not audited per request
        }

        @Override
        public void publishAuthenticationFailure(AuthenticationException exception, Authentication authentication) {
            delegate.publishAuthenticationFailure(exception, authentication);
        }
    }
}
