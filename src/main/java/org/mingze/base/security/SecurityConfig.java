package org.mingze.base.security;

import static com.vaadin.flow.spring.security.VaadinSecurityConfigurer.vaadin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.mingze.base.audit.AuditLog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Web security: Vaadin's defaults (CSRF, navigation access control by view annotations), the login view at
 * {@code /login}, a per-address throttle in front of the password check, a session registry so that an account's
 * sessions can be ended at once, and method security for the services.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfig {

    static final String LOGIN_PATH = "/login";

    @Bean
    SecurityFilterChain vaadinSecurityFilterChain(HttpSecurity http, LoginThrottle throttle, AuditLog audit,
                                                  SessionRegistry sessionRegistry) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/icons/**", "/images/**", "/favicon.ico", "/error").permitAll());
        http.sessionManagement(s -> s
                .sessionFixation(f -> f.changeSessionId())
                .maximumSessions(-1)
                .sessionRegistry(sessionRegistry)
                .expiredSessionStrategy(event -> {
                    event.getRequest().getSession().invalidate();
                    event.getResponse().sendRedirect(event.getRequest().getContextPath() + LOGIN_PATH);
                }));
        http.addFilterBefore(new ThrottleFilter(throttle, audit), UsernamePasswordAuthenticationFilter.class);
        http.with(vaadin(), vaadin -> vaadin
                .loginView(LOGIN_PATH)
                .addLogoutHandler((request, response, authentication) -> {
                    if (authentication != null) {
                        audit.recordAs(authentication.getName(), "LOGOUT", "account", authentication.getName(), null,
                                ClientAddress.of(request));
                    }
                }));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    /** Refuses login posts from an address that failed too often, before any password is checked. */
    static final class ThrottleFilter extends OncePerRequestFilter {
        private final LoginThrottle throttle;
        private final AuditLog audit;

        ThrottleFilter(LoginThrottle throttle, AuditLog audit) {
            this.throttle = throttle;
            this.audit = audit;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if ("POST".equals(request.getMethod()) && LOGIN_PATH.equals(path)
                    && throttle.isBlocked(ClientAddress.of(request))) {
                audit.recordAs(String.valueOf(request.getParameter("username")), "LOGIN_THROTTLED", "address",
                        ClientAddress.of(request), null, ClientAddress.of(request));
                request.getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION,
                        new LoginThrottledException("too many failed logins from this address"));
                response.sendRedirect(request.getContextPath() + LOGIN_PATH + "?error");
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
