package org.mingze.schedule.internal;

import org.mingze.base.security.PublicPages;
import org.mingze.schedule.FeedService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /ical/<token>.ics}: the feed for calendar apps, which cannot sign in; the secret token is the
 * credential. Unknown and revoked tokens get 404 with no body.
 */
@RestController
class FeedController {

    static final MediaType CALENDAR = new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8);

    private final FeedService feeds;

    FeedController(FeedService feeds) {
        this.feeds = feeds;
    }

    @GetMapping("/ical/{token}.ics")
    ResponseEntity<String> feed(@PathVariable String token) {
        return feeds.ics(token)
                .map(body -> ResponseEntity.ok().contentType(CALENDAR)
                        .cacheControl(CacheControl.noCache()).body(body))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
    }

    /** Ahead of Vaadin's chain: the feed needs no login and creates no session. */
    @Configuration(proxyBeanMethods = false)
    static class FeedSecurity {
        @Bean
        @Order(2)
        SecurityFilterChain feedSecurityFilterChain(HttpSecurity http) throws Exception {
            return PublicPages.chain(http, "/ical/**");
        }
    }
}
