package org.mingze.review.internal;

import org.mingze.base.security.PublicPages;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.mingze.base.security.ClientAddress;
import org.mingze.review.SheetService;
import org.mingze.review.Verification;
import org.springframework.context.MessageSource;
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
import org.springframework.web.util.HtmlUtils;

/**
 * The public page {@code /verify/{code}} a result sheet's QR code opens: no login, no session, a small Chinese HTML
 * page with the minimal data of {@link Verification}, or "未找到/已失效" (404). Each address may make
 * {@value #MAX_MISSES} failed look-ups in {@link #WINDOW}; after that it gets 429 until the window slides on, so that
 * codes cannot be guessed in bulk (80 bits make that hopeless anyway). In memory; a restart clears it.
 */
@RestController
class VerifyController {

    static final int MAX_MISSES = 20;
    static final Duration WINDOW = Duration.ofMinutes(10);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.CHINESE);
    private static final MediaType HTML = new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8);

    private final SheetService sheets;
    private final MessageSource messages;
    private final Clock clock;
    private final Map<String, Deque<Instant>> misses = new ConcurrentHashMap<>();

    VerifyController(SheetService sheets, MessageSource messages, Clock clock) {
        this.sheets = sheets;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/verify/{code}")
    ResponseEntity<String> verify(@PathVariable String code, HttpServletRequest request) {
        String address = String.valueOf(ClientAddress.of(request));
        Instant now = clock.instant();
        Deque<Instant> mine = misses.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (mine) {
            while (!mine.isEmpty() && mine.peekFirst().isBefore(now.minus(WINDOW))) {
                mine.pollFirst();
            }
            if (mine.size() >= MAX_MISSES) {
                return page(HttpStatus.TOO_MANY_REQUESTS, "<p class=\"bad\">" + t("review.verify.busy") + "</p>");
            }
        }
        Optional<Verification> v = sheets.verify(code);
        if (v.isEmpty()) {
            synchronized (mine) {
                mine.addLast(now);
            }
            return page(HttpStatus.NOT_FOUND, "<p class=\"bad\">" + t("review.verify.missing") + "</p>");
        }
        Verification x = v.get();
        ZoneId zone = clock.getZone();
        String body = "<p class=\"ok\">" + t("review.verify.ok") + "</p><table>"
                + row("review.sheet.name", x.maskedName())
                + row("review.sheet.unit", x.unitName())
                + row("review.sheet.test", x.testTitle() + (x.resit() ? "（" + t("review.sheet.resit") + "）" : ""))
                + row("review.sheet.date", x.date() == null ? "—" : DAY.format(x.date()))
                + row("review.sheet.outcome", t(x.outcome().labelKey()))
                + row("review.verify.issued", DAY.format(x.issuedAt().atZone(zone)))
                + "</table>";
        return page(HttpStatus.OK, body);
    }

    private String t(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }

    private String row(String key, String value) {
        return "<tr><th>" + t(key) + "</th><td>" + HtmlUtils.htmlEscape(value == null ? "" : value) + "</td></tr>";
    }

    private ResponseEntity<String> page(HttpStatus status, String body) {
        String html = "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\"><title>" + t("review.verify.title") + " · 明责</title>"
                + "<style>body{font-family:sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;line-height:1.6}"
                + ".ok{color:#1b5e20;font-weight:bold}.bad{color:#b71c1c;font-weight:bold}"
                + "th{text-align:left;padding-right:1rem;white-space:nowrap;vertical-align:top}</style></head><body>"
                + "<h1>" + t("review.verify.title") + "</h1>" + body + "</body></html>";
        return ResponseEntity.status(status).contentType(HTML).cacheControl(CacheControl.noStore()).body(html);
    }

    /** Ahead of Vaadin's chain: the page needs no login and creates no session. */
    @Configuration(proxyBeanMethods = false)
    static class VerifySecurity {
        @Bean
        @Order(3)
        SecurityFilterChain verifySecurityFilterChain(HttpSecurity http) throws Exception {
            return PublicPages.chain(http, "/verify/**");
        }
    }
}
