package org.mingze.org;

/**
 * What a successful member import did: members created, members whose data changed, and rows that matched an
 * existing member exactly.
 */
public record MemberImportResult(String fileName, int created, int updated, int unchanged) {
    public int rows() {
        return created + updated + unchanged;
    }
}
