package org.mingze.api.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.mingze.api.ApiScope;
import org.mingze.base.time.DbInstants;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The api_token table through plain SQL. No access checks here: the service checks first. */
@Repository
public class ApiTokenStore {

    private final JdbcClient jdbc;

    ApiTokenStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Token(long id, String name, String hash, Set<ApiScope> scopes, long unitId, String createdBy,
                        Instant createdAt, String revokedBy, Instant revokedAt, Instant lastUsedAt,
                        Integer requestsPerMinute) {
    }

    private static final String SELECT = "SELECT id, name, token_hash, scopes, unit_id, created_by, created_at, "
            + "revoked_by, revoked_at, last_used_at, requests_per_minute FROM api_token ";

    public long insert(String name, String hash, Set<ApiScope> scopes, long unitId, Integer requestsPerMinute,
                       String actor, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO api_token (name, token_hash, scopes, unit_id, requests_per_minute, created_by, "
                        + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(name, hash, scopes.stream().map(Enum::name).sorted().collect(Collectors.joining(",")), unitId,
                        requestsPerMinute, actor, DbInstants.param(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public List<Token> all() {
        return jdbc.sql(SELECT + "ORDER BY revoked_at DESC NULLS FIRST, created_at DESC, id DESC")
                .query(ApiTokenStore::token).list();
    }

    public Optional<Token> byId(long id) {
        return jdbc.sql(SELECT + "WHERE id = ?").param(id).query(ApiTokenStore::token).optional();
    }

    public Optional<Token> byHash(String hash) {
        return jdbc.sql(SELECT + "WHERE token_hash = ?").param(hash).query(ApiTokenStore::token).optional();
    }

    public boolean nameTaken(String name) {
        return jdbc.sql("SELECT COUNT(*) FROM api_token WHERE LOWER(name) = LOWER(?)").param(name)
                .query(Integer.class).single() > 0;
    }

    /** Revokes a token once; false when it was already revoked. */
    public boolean revoke(long id, String actor, Instant now) {
        return jdbc.sql("UPDATE api_token SET revoked_by = ?, revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                .params(actor, DbInstants.param(now), id).update() == 1;
    }

    /** Sets a token's own limit (null: the default). */
    public void limit(long id, Integer requestsPerMinute) {
        jdbc.sql("UPDATE api_token SET requests_per_minute = ? WHERE id = ?").params(requestsPerMinute, id).update();
    }

    public void used(long id, Instant now) {
        jdbc.sql("UPDATE api_token SET last_used_at = ? WHERE id = ?").params(DbInstants.param(now), id).update();
    }


    private static Token token(ResultSet rs, int n) throws SQLException {
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        Arrays.stream(rs.getString(4).split(",")).filter(x -> !x.isBlank()).map(ApiScope::valueOf)
                .forEach(scopes::add);
        return new Token(rs.getLong(1), rs.getString(2), rs.getString(3), scopes, rs.getLong(5), rs.getString(6),
                DbInstants.get(rs, 7), rs.getString(8), DbInstants.get(rs, 9),
                DbInstants.get(rs, 10), rs.getObject(11, Integer.class));
    }
}
