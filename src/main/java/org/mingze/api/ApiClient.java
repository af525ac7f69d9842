package org.mingze.api;

import java.util.Set;

/**
 * The caller of an API request, once its token checked out: the token's id and name, what it may call, and the
 * unit subtree it may read ({@code unitPath} as in {@code UnitNode.path()}, e.g. "/1/4/"), and how many requests a
 * minute it may send (its own limit, or the default {@code mingze.api.requests-per-minute}).
 */
public record ApiClient(long tokenId, String name, Set<ApiScope> scopes, long unitId, String unitPath,
                        int requestsPerMinute) {
    public ApiClient {
        scopes = Set.copyOf(scopes);
    }

    /** The name in the audit log: "api:" and the token's name. */
    public String actor() {
        return "api:" + name;
    }

    public boolean may(ApiScope scope) {
        return scopes.contains(scope);
    }

    /** Whether a unit (by its path) lies in this token's subtree. */
    public boolean reaches(String otherUnitPath) {
        return otherUnitPath != null && otherUnitPath.startsWith(unitPath);
    }
}
