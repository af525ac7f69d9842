package org.mingze.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.mingze.api.internal.ApiProperties;
import org.mingze.api.internal.ApiTokenStore;
import org.mingze.base.audit.AuditLog;
import org.mingze.base.security.CurrentUser;
import org.mingze.base.security.Roles;
import org.mingze.base.validation.Problem;
import org.mingze.base.validation.ValidationException;
import org.mingze.org.OrgService;
import org.mingze.org.UnitNode;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import java.util.HexFormat;

/**
 * API tokens (decision 0016). Administrators create, list and revoke them (audited API_TOKEN_CREATE,
 * API_TOKEN_REVOKE). A token is 256 random bits ({@link SecureRandom}), written as "mz_" and 43 base64url
 * characters, shown once; only its SHA-256 is stored, so a copy of the database lets nobody call the API.
 */
@Service
@Transactional(readOnly = true)
public class ApiTokenService {

    static final String PREFIX = "mz_";
    /** The highest limit a token may be given: a hundred requests a second. */
    public static final int MAX_REQUESTS_PER_MINUTE = 6000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiTokenStore store;
    private final OrgService org;
    private final AuditLog audit;
    private final Clock clock;
    private final int defaultRequestsPerMinute;

    ApiTokenService(ApiTokenStore store, OrgService org, AuditLog audit, Clock clock, ApiProperties properties) {
        this.store = store;
        this.org = org;
        this.audit = audit;
        this.clock = clock;
        this.defaultRequestsPerMinute = Math.max(1, properties.requestsPerMinute());
    }

    /** The limit of a token without one of its own ({@code mingze.api.requests-per-minute}). */
    public int defaultRequestsPerMinute() {
        return defaultRequestsPerMinute;
    }

    /**
     * Creates a token for these endpoints and this unit's subtree, with the default limit of requests.
     *
     * @throws ValidationException no or a taken name, no scope, unknown unit
     */
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    @Transactional
    public NewApiToken create(String name, Set<ApiScope> scopes, Long unitId) {
        return create(name, scopes, unitId, null);
    }

    /**
     * Creates a token for these endpoints and this unit's subtree; {@code requestsPerMinute} is its own limit (null:
     * the default).
     *
     * @throws ValidationException no or a taken name, no scope, unknown unit, a limit out of 1..6000
     */
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    @Transactional
    public NewApiToken create(String name, Set<ApiScope> scopes, Long unitId, Integer requestsPerMinute) {
        String clean = name == null ? "" : name.strip();
        List<Problem> problems = new ArrayList<>();
        checkLimit(requestsPerMinute, problems);
        if (clean.isEmpty() || clean.length() > 100) {
            problems.add(Problem.of("name", "api.error.name"));
        } else if (store.nameTaken(clean)) {
            problems.add(Problem.of("name", "api.error.name-taken", clean));
        }
        if (scopes == null || scopes.isEmpty()) {
            problems.add(Problem.of("scopes", "api.error.scopes"));
        }
        Optional<UnitNode> unit = unitId == null ? Optional.empty() : org.unitForSystem(unitId);
        if (unit.isEmpty()) {
            problems.add(Problem.of("unit", "api.error.unit"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        long id = store.insert(clean, hash(token), scopes, unitId, requestsPerMinute, CurrentUser.actor(), now);
        audit.record("API_TOKEN_CREATE", "api-token", id, clean + ": " + scopes + ", unit " + unit.get().name()
                + " (" + unitId + "), " + limitText(requestsPerMinute));
        return new NewApiToken(row(store.byId(id).orElseThrow()), token);
    }

    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public List<ApiTokenRow> tokens() {
        return store.all().stream().map(this::row).toList();
    }

    /** Revokes a token at once: its next call gets 401. Revoking twice changes nothing. */
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    @Transactional
    public ApiTokenRow revoke(long id) {
        ApiTokenStore.Token t = store.byId(id).orElseThrow(() -> new ValidationException(Problem.of("token",
                "api.error.missing")));
        if (store.revoke(id, CurrentUser.actor(), clock.instant())) {
            audit.record("API_TOKEN_REVOKE", "api-token", id, t.name());
        }
        return row(store.byId(id).orElseThrow());
    }

    /**
     * Gives a token its own limit of requests per minute, or the default again (null); effective from its next call.
     * Audited (API_TOKEN_LIMIT) with the old and the new limit; setting the same limit again changes nothing.
     *
     * @throws ValidationException unknown token, a limit out of 1..6000
     */
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    @Transactional
    public ApiTokenRow changeLimit(long id, Integer requestsPerMinute) {
        ApiTokenStore.Token t = store.byId(id).orElseThrow(() -> new ValidationException(Problem.of("token",
                "api.error.missing")));
        List<Problem> problems = new ArrayList<>();
        checkLimit(requestsPerMinute, problems);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        if (!Objects.equals(t.requestsPerMinute(), requestsPerMinute)) {
            store.limit(id, requestsPerMinute);
            audit.record("API_TOKEN_LIMIT", "api-token", id, t.name() + ": " + limitText(t.requestsPerMinute())
                    + " -> " + limitText(requestsPerMinute));
        }
        return row(store.byId(id).orElseThrow());
    }

    private static void checkLimit(Integer requestsPerMinute, List<Problem> problems) {
        if (requestsPerMinute != null && (requestsPerMinute < 1 || requestsPerMinute > MAX_REQUESTS_PER_MINUTE)) {
            problems.add(Problem.of("rate", "api.error.rate", MAX_REQUESTS_PER_MINUTE));
        }
    }

    private String limitText(Integer requestsPerMinute) {
        return requestsPerMinute == null ? defaultRequestsPerMinute + "/min (default)" : requestsPerMinute + "/min";
    }

    /**
     * The caller a presented token stands for, when it is known and not revoked; notes its use. For the API's
     * filter (no signed-in person); the token is compared by its hash only.
     */
    @Transactional
    public Optional<ApiClient> authenticateForSystem(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 200) {
            return Optional.empty();
        }
        Optional<ApiTokenStore.Token> t = store.byHash(hash(presented)).filter(x -> x.revokedAt() == null);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        Optional<UnitNode> unit = org.unitForSystem(t.get().unitId());
        if (unit.isEmpty()) {
            return Optional.empty();
        }
        store.used(t.get().id(), clock.instant());
        return Optional.of(new ApiClient(t.get().id(), t.get().name(), t.get().scopes(), t.get().unitId(),
                unit.get().path(), t.get().requestsPerMinute() == null ? defaultRequestsPerMinute
                        : t.get().requestsPerMinute()));
    }

    /** The SHA-256 of a token, hex. */
    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private ApiTokenRow row(ApiTokenStore.Token t) {
        String unit = org.unitForSystem(t.unitId()).map(UnitNode::name).orElse("#" + t.unitId());
        return new ApiTokenRow(t.id(), t.name(), t.scopes(), t.unitId(), unit, t.createdBy(), t.createdAt(),
                t.revokedBy(), t.revokedAt(), t.lastUsedAt(), t.requestsPerMinute());
    }
}
