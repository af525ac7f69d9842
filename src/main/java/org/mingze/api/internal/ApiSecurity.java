package org.mingze.api.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.mingze.api.ApiClient;
import org.mingze.api.ApiTokenService;
import org.mingze.base.audit.AuditLog;
import org.mingze.base.security.ClientAddress;
import org.mingze.base.security.RateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The stateless filter chain of the integration API ({@code /api/reviews/**}, {@code /api/officials/**}), ahead of
 * the search API's chain for the rest of {@code /api/**} and of Vaadin's: a Bearer token or 401, no session, no
 * CSRF (no cookies are read, so there is nothing to forge), no login page. Each token may send its own limit of
 * requests a minute, or {@code mingze.api.requests-per-minute} (the shared {@link RateLimiter}); more get 429 with
 * {@code Retry-After}. Every call is audited (API_CALL) with the token's name, the endpoint and the status it got;
 * the token itself is never written anywhere.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurity {

    static final String[] PATHS = {"/api/reviews/**", "/api/officials/**"};
    static final String AUTHORITY = "API_TOKEN";

    @Bean
    @Order(0)
    SecurityFilterChain integrationApiSecurityFilterChain(HttpSecurity http, ApiTokenService tokens, AuditLog audit,
                                                          ObjectMapper json, ApiProperties properties, Clock clock)
            throws Exception {
        RateLimiter limiter = new RateLimiter(properties.requestsPerMinute(), clock);
        http.securityMatcher(PATHS)
                .addFilterBefore(new TokenFilter(tokens, audit, json, limiter), AuthorizationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().hasAuthority(AUTHORITY))
                .exceptionHandling(x -> x
                        .authenticationEntryPoint((request, response, e) -> ApiErrors.write(response, json, 401,
                                "unauthorized", "缺少或无效的接口令牌：请在请求头中提供 Authorization: Bearer <令牌>"))
                        .accessDeniedHandler((request, response, e) -> ApiErrors.write(response, json, 403,
                                "forbidden", "此令牌无权调用该接口")))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .csrf(c -> c.disable())
                .anonymous(a -> a.disable())
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable());
        return http.build();
    }

    /** The signed-in API caller: its name is "api:" and the token's name (the audit log's actor). */
    static final class ApiAuthentication extends AbstractAuthenticationToken {
        private final ApiClient client;

        ApiAuthentication(ApiClient client) {
            super(List.of(new SimpleGrantedAuthority(AUTHORITY)));
            this.client = client;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public ApiClient getPrincipal() {
            return client;
        }

        @Override
        public String getName() {
            return client.actor();
        }
    }

    /**
     * Reads the Bearer token, looks its hash up, takes the call from the token's rate limit, and audits the call
     * once the answer is known. Not a bean (a bean filter would be registered for every address).
     */
    static final class TokenFilter extends OncePerRequestFilter {
        private final ApiTokenService tokens;
        private final AuditLog audit;
        private final ObjectMapper json;
        private final RateLimiter limiter;

        TokenFilter(ApiTokenService tokens, AuditLog audit, ObjectMapper json, RateLimiter limiter) {
            this.tokens = tokens;
            this.audit = audit;
            this.json = json;
            this.limiter = limiter;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String endpoint = request.getMethod() + " " + request.getRequestURI()
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            String header = request.getHeader("Authorization");
            Optional<ApiClient> client = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? tokens.authenticateForSystem(header.substring(7).strip()) : Optional.empty();
            if (client.isEmpty()) {
                ApiErrors.write(response, json, 401, "unauthorized", header == null
                        ? "缺少接口令牌：请在请求头中提供 Authorization: Bearer <令牌>"
                        : "接口令牌无效或已被吊销，请向管理员申请新的令牌");
                audit.recordAs("api:-", "API_CALL", "api", endpoint, endpoint + " -> 401 ("
                        + (header == null ? "no token" : "unknown or revoked token") + ")", ClientAddress.of(request));
                return;
            }
            ApiClient c = client.get();
            int limit = c.requestsPerMinute();
            RateLimiter.Decision allowed = limiter.tryAcquire(String.valueOf(c.tokenId()), limit);
            if (!allowed.allowed()) {
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(allowed.retryAfterSeconds()));
                ApiErrors.write(response, json, 429, "too_many_requests", "请求过于频繁：此接口令牌每分钟最多 "
                        + limit + " 次请求，请 " + allowed.retryAfterSeconds() + " 秒后再试");
                audit.recordAs(c.actor(), "API_CALL", "api-token", c.tokenId(), endpoint + " -> 429 (rate limit)",
                        ClientAddress.of(request));
                return;
            }
            SecurityContext context = SecurityContextHolder.createEmptyContext(); // never change a shared one
            context.setAuthentication(new ApiAuthentication(c));
            SecurityContextHolder.setContext(context);
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.clearContext();
                audit.recordAs(c.actor(), "API_CALL", "api-token", c.tokenId(), endpoint + " -> "
                        + response.getStatus(), ClientAddress.of(request));
            }
        }
    }
}
