package org.mingze.search.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mingze.search.FacetCount;
import org.mingze.search.SearchHit;
import org.mingze.search.SearchMessage;
import org.mingze.search.SearchRequest;
import org.mingze.search.SearchResults;
import org.mingze.search.SearchService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/search} and {@code GET /api/search/suggest}: the search as JSON, for the signed-in person
 * (session) or a script (HTTP Basic), rate-limited per person. Documented in {@code docs/api-search.md}.
 */
@RestController
@RequestMapping(path = "/api/search", produces = MediaType.APPLICATION_JSON_VALUE)
class SearchApiController {

    private static final Logger log = LoggerFactory.getLogger(SearchApiController.class);

    private final SearchService search;
    private final ApiRateLimiter limiter;
    private final MessageSource messages;

    SearchApiController(SearchService search, ApiRateLimiter limiter, MessageSource messages) {
        this.search = search;
        this.limiter = limiter;
        this.messages = messages;
    }

    @GetMapping
    ResponseEntity<Map<String, Object>> search(@RequestParam MultiValueMap<String, String> params,
                                               Principal principal, HttpServletRequest http) {
        Locale locale = ApiLocale.of(http);
        ResponseEntity<Map<String, Object>> limited = limit(principal, locale);
        if (limited != null) {
            return limited;
        }
        SearchRequest request = SearchParams.parse(params);
        SearchResults r = search.search(request);
        if (r.problem() != null && SearchMessage.UNAVAILABLE.equals(r.problem().key())) {
            return error(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", text(r.problem(), locale), null);
        }
        String base = http.getContextPath() + "/";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", r.total());
        body.put("tookMs", r.tookMs());
        body.put("page", r.request().page());
        body.put("size", r.request().size());
        List<Map<String, Object>> hits = new ArrayList<>();
        for (SearchHit h : r.hits()) {
            Map<String, Object> hit = new LinkedHashMap<>();
            hit.put("id", h.id());
            hit.put("type", h.type());
            hit.put("title", h.title());
            hit.put("heading", h.heading());
            hit.put("anchor", h.anchor());
            hit.put("materialId", h.isQuestion() ? null : h.sourceId());
            hit.put("questionId", h.isQuestion() ? h.sourceId() : null);
            hit.put("questionType", h.questionType());
            hit.put("url", base + h.url());
            hit.put("category", h.category());
            hit.put("tags", h.tags());
            hit.put("date", h.date() == null ? null : h.date().toString());
            hit.put("snippet", h.snippet());
            hit.put("score", h.score());
            hit.put("archived", h.archived());
            hits.add(hit);
        }
        body.put("hits", hits);
        Map<String, Object> facets = new LinkedHashMap<>();
        for (String dim : SearchResults.FACETS) {
            List<Map<String, Object>> values = new ArrayList<>();
            for (FacetCount fc : r.facets().getOrDefault(dim, List.of())) {
                values.add(Map.of("value", fc.value(), "count", fc.count()));
            }
            facets.put(dim, values);
        }
        body.put("facets", facets);
        body.put("notices", r.notices().stream().map(n -> message(n, locale)).toList());
        body.put("problem", r.problem() == null ? null : message(r.problem(), locale));
        return ResponseEntity.ok(body);
    }

    @GetMapping("/suggest")
    ResponseEntity<Map<String, Object>> suggest(@RequestParam(name = "q", required = false) String q,
                                                Principal principal, HttpServletRequest http) {
        ResponseEntity<Map<String, Object>> limited = limit(principal, ApiLocale.of(http));
        if (limited != null) {
            return limited;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("suggestions", search.suggest(q == null ? "" : q));
        return ResponseEntity.ok(body);
    }

    private ResponseEntity<Map<String, Object>> limit(Principal principal, Locale locale) {
        String who = principal == null ? "?" : principal.getName();
        ApiRateLimiter.Decision d = limiter.tryAcquire(who);
        if (d.allowed()) {
            return null;
        }
        ResponseEntity<Map<String, Object>> e = error(HttpStatus.TOO_MANY_REQUESTS, "too_many_requests",
                messages.getMessage("search.api.too-many-requests", new Object[] {limiter.perMinute()}, locale),
                null);
        return ResponseEntity.status(e.getStatusCode()).header(HttpHeaders.RETRY_AFTER,
                String.valueOf(d.retryAfterSeconds())).body(e.getBody());
    }

    @ExceptionHandler(SearchParams.BadParameter.class)
    ResponseEntity<Map<String, Object>> badParameter(SearchParams.BadParameter e, HttpServletRequest http) {
        String value = e.value() == null ? "" : e.value();
        if (value.length() > 100) {
            value = value.substring(0, 100) + "…";
        }
        return error(HttpStatus.BAD_REQUEST, "bad_parameter", messages.getMessage("search.api.bad-parameter",
                new Object[] {e.name(), value}, ApiLocale.of(http)), e.name());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> failure(Exception e, HttpServletRequest http) {
        log.error("Search API failed for {}", http.getQueryString(), e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "error",
                messages.getMessage("search.api.error", null, ApiLocale.of(http)), null);
    }

    private Map<String, Object> message(SearchMessage m, Locale locale) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("key", m.key());
        out.put("message", text(m, locale));
        return out;
    }

    private String text(SearchMessage m, Locale locale) {
        return messages.getMessage(m.key(), m.args().toArray(), m.key(), locale);
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String code, String message,
                                                            String parameter) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.value());
        body.put("error", code);
        body.put("message", message);
        if (parameter != null) {
            body.put("parameter", parameter);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
