package org.mingze.base.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditHashingTest {

    private static final Instant T = Instant.parse("2026-11-28T02:15:30.123Z");
    private static final String PREV = "a".repeat(64);

    private static AuditEntry base() {
        return new AuditEntry(7, T, "guolx", "MEMBER_UPDATE", "member", "42", "10.1.2.3", "王振华 -> 王振华（副所长）",
                PREV);
    }

    @Test
    void the_hash_is_a_sha256_of_the_entry_and_the_same_fields_always_give_the_same_hash() {
        assertThat(base().getHash()).hasSize(64).matches("[0-9a-f]{64}").isEqualTo(base().getHash())
                .isEqualTo(AuditHashing.hash(base()));
    }

    @Test
    void the_hash_changes_when_any_single_field_changes() {
        Map<String, AuditEntry> variants = new LinkedHashMap<>();
        variants.put("id", new AuditEntry(8, T, "guolx", "MEMBER_UPDATE", "member", "42", "10.1.2.3",
                "王振华 -> 王振华（副所长）", PREV));
        variants.put("time", new AuditEntry(7, T.plusMillis(1), "guolx", "MEMBER_UPDATE", "member", "42", "10.1.2.3",
                "王振华 -> 王振华（副所长）", PREV));
        variants.put("actor", new AuditEntry(7, T, "guolx2", "MEMBER_UPDATE", "member", "42", "10.1.2.3",
                "王振华 -> 王振华（副所长）", PREV));
        variants.put("action", new AuditEntry(7, T, "guolx", "MEMBER_CREATE", "member", "42", "10.1.2.3",
                "王振华 -> 王振华（副所长）", PREV));
        variants.put("objectType", new AuditEntry(7, T, "guolx", "MEMBER_UPDATE", "unit", "42", "10.1.2.3",
                "王振华 -> 王振华（副所长）", PREV));
        variants.put("objectId", new AuditEntry(7, T, "guolx", "MEMBER_UPDATE", "member", "43", "10.1.2.3",
                "王振华 -> 王振华（副所长）", PREV));
        variants.put("sourceAddr", new AuditEntry(7, T, "guolx", "MEMBER_UPDATE", "member", "42", "10.1.2.4",
                "王振华 -> 王振华（副所长）", PREV));
        variants.put("detail", new AuditEntry(7, T, "guolx", "MEMBER_UPDATE", "member", "42", "10.1.2.3",
                "王振华 -> 王振华（所长）", PREV));
        variants.put("prevHash", new AuditEntry(7, T, "guolx", "MEMBER_UPDATE", "member", "42", "10.1.2.3",
                "王振华 -> 王振华（副所长）", "b".repeat(64)));
        String original = base().getHash();
        variants.forEach((field, entry) -> assertThat(entry.getHash()).as(field).isNotEqualTo(original));
        assertThat(variants.values().stream().map(AuditEntry::getHash).distinct()).hasSize(variants.size());
    }

    @Test
    void moving_characters_between_neighbouring_fields_changes_the_hash() {
        AuditEntry abC = new AuditEntry(7, T, "guolx", "X", "ab", "c", null, null, PREV);
        AuditEntry aBc = new AuditEntry(7, T, "guolx", "X", "a", "bc", null, null, PREV);
        assertThat(abC.getHash()).isNotEqualTo(aBc.getHash());
        // a separator typed into a value must not fake a field boundary either
        AuditEntry sep = new AuditEntry(7, T, "guolx", "X", "1:a|", "c", null, null, PREV);
        AuditEntry plain = new AuditEntry(7, T, "guolx", "X", "1:a", "|c", null, null, PREV);
        assertThat(sep.getHash()).isNotEqualTo(plain.getHash());
    }

    @Test
    void an_empty_value_and_a_missing_value_hash_differently() {
        AuditEntry empty = new AuditEntry(7, T, "guolx", "X", "", null, null, null, PREV);
        AuditEntry missing = new AuditEntry(7, T, "guolx", "X", null, null, null, null, PREV);
        assertThat(empty.getHash()).isNotEqualTo(missing.getHash());
    }

    @Test
    void stored_values_are_cut_to_their_column_and_lose_control_characters() {
        assertThat(AuditLog.cut("a\u0000b\nc", 100)).isEqualTo("a b c");
        assertThat(AuditLog.cut("x".repeat(150), 100)).hasSize(100).endsWith("…");
        String emoji = "x".repeat(98) + "😀😀";
        assertThat(AuditLog.cut(emoji, 100)).isEqualTo("x".repeat(98) + "…");
        assertThat(AuditLog.cut(null, 10)).isNull();
    }
}
