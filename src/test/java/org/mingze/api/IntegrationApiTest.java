package org.mingze.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mingze.MingzeTest;
import org.mingze.TestData;
import org.mingze.base.audit.AuditLog;
import org.mingze.base.audit.AuditQuery;
import org.mingze.base.audit.AuditRecord;
import org.mingze.base.security.Role;
import org.mingze.library.MutableClock;
import org.mingze.org.MemberRow;
import org.mingze.org.MemberService;
import org.mingze.org.internal.Unit;
import org.mingze.quiz.exam.AttemptService;
import org.mingze.quiz.exam.ExamTest;
import org.mingze.review.BatchRow;
import org.mingze.review.ReviewBatches;
import org.mingze.review.ReviewService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The integration API (decision 0016): a token calls only what it was issued for (endpoints and unit subtree), a
 * missing, wrong or revoked token gets 401, unknown ids 404, the raw token is stored nowhere, every call is audited.
 */
@MingzeTest
@ExamTest
@AutoConfigureMockMvc
class IntegrationApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    ReviewService reviews;
    @Autowired
    AttemptService attempts;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MemberService members;
    @Autowired
    TestData data;
    @Autowired
    MutableClock clock;
    @Autowired
    org.mingze.api.internal.ApiProperties apiProperties;

    @AfterEach
    void reset() {
        clock.reset();
        data.signOut();
    }

    record Setup(Unit unit, BatchRow batch, List<MemberRow> members) {
    }

    /** A batch of two in a fresh branch; the first candidate fails the test. */
    private Setup batch() {
        ReviewBatches.Setup b = ReviewBatches.create(data, reviews, clock, 2);
        ReviewBatches.failOnce(data, attempts, b.learners().get(0), b.batch().examId());
        return new Setup(b.unit(), b.batch(), b.memberIds().stream()
                .map(id -> members.memberForSystem(id).orElseThrow()).toList());
    }

    private NewApiToken token(Set<ApiScope> scopes, long unitId) {
        data.signIn("admin");
        NewApiToken t = tokens.create("干部系统-" + TestData.next(), scopes, unitId);
        data.signOut();
        return t;
    }

    private MvcResult call(String path, String token) throws Exception {
        var request = get(path);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        return mvc.perform(request).andReturn();
    }

    private List<AuditRecord> calls(String actor) {
        data.signIn("guolx");
        List<AuditRecord> r = audit.search(new AuditQuery(actor, "API_CALL", null, null, null, null), 0, 50)
                .getContent();
        data.signOut();
        return r;
    }

    @Test
    void a_reviews_token_reads_a_batch_of_its_units_with_candidates_outcomes_scores_and_sheet_codes() throws Exception {
        Setup s = batch();
        NewApiToken t = token(EnumSet.of(ApiScope.REVIEWS), s.unit().getId());
        mvc.perform(get("/api/reviews/" + s.batch().id()).header("Authorization", "Bearer " + t.token()))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Set-Cookie"))
                .andExpect(jsonPath("$.name").value(s.batch().name()))
                .andExpect(jsonPath("$.typeLabel").value("任前考察"))
                .andExpect(jsonPath("$.outcomes.DEFERRED").value(1))
                .andExpect(jsonPath("$.outcomes.PENDING").value(1))
                .andExpect(jsonPath("$.candidates.length()").value(2))
                .andExpect(jsonPath("$.candidates[0].employeeNo").value(s.members().get(0).employeeNo()))
                .andExpect(jsonPath("$.candidates[0].name").value(s.members().get(0).name()))
                .andExpect(jsonPath("$.candidates[0].proposedPost").value("城关派出所所长"))
                .andExpect(jsonPath("$.candidates[0].outcome").value("DEFERRED"))
                .andExpect(jsonPath("$.candidates[0].outcomeLabel").value("暂缓"))
                .andExpect(jsonPath("$.candidates[0].score").value(0))
                .andExpect(jsonPath("$.candidates[0].testDate").value(LocalDate.now(clock).toString()))
                .andExpect(jsonPath("$.candidates[0].verificationCode").isString())
                .andExpect(jsonPath("$.candidates[1].verificationCode").doesNotExist());
        List<AuditRecord> logged = calls("api:" + t.row().name());
        assertThat(logged).hasSize(1);
        assertThat(logged.get(0).detail()).isEqualTo("GET /api/reviews/" + s.batch().id() + " -> 200");
    }

    @Test
    void a_token_gets_only_what_it_was_issued_for_other_endpoint_403_other_units_403_unknown_ids_404()
            throws Exception {
        Setup s = batch();
        Unit other = data.branch();
        NewApiToken ledgerOnly = token(EnumSet.of(ApiScope.LEDGER), s.unit().getId());
        NewApiToken otherBranch = token(EnumSet.of(ApiScope.REVIEWS, ApiScope.LEDGER), other.getId());
        NewApiToken both = token(EnumSet.of(ApiScope.REVIEWS, ApiScope.LEDGER), s.unit().getId());
        String batch = "/api/reviews/" + s.batch().id();
        String ledger = "/api/officials/" + s.members().get(0).employeeNo() + "/ledger?year="
                + LocalDate.now(clock).getYear();

        MvcResult r = call(batch, ledgerOnly.token());
        assertThat(r.getResponse().getStatus()).isEqualTo(403);
        assertThat(body(r)).contains("\"code\":\"scope\"").contains("REVIEWS");
        assertThat(body(call(batch, otherBranch.token()))).contains("\"status\":403", "\"code\":\"unit\"");
        assertThat(call(ledger, otherBranch.token()).getResponse().getStatus()).isEqualTo(403);
        assertThat(call("/api/reviews/99999999", both.token()).getResponse().getStatus()).isEqualTo(404);
        assertThat(body(call("/api/reviews/abc", both.token()))).contains("\"code\":\"not_found\"");
        assertThat(call("/api/officials/X0000000/ledger", both.token()).getResponse().getStatus()).isEqualTo(404);
        assertThat(body(call(ledger.replaceAll("year=.*", "year=19"), both.token()))).contains("bad_year");

        MvcResult ok = call(ledger, both.token());
        assertThat(ok.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(ok)).contains("\"employeeNo\":\"" + s.members().get(0).employeeNo() + "\"",
                "\"year\":" + LocalDate.now(clock).getYear(), "\"sections\"", "\"REVIEW\"");
        NewApiToken committee = token(EnumSet.of(ApiScope.REVIEWS), data.committee().getId());
        assertThat(call(batch, committee.token()).getResponse().getStatus()).as("a parent unit reaches below")
                .isEqualTo(200);
        assertThat(calls("api:" + both.row().name())).extracting(AuditRecord::detail)
                .anySatisfy(d -> assertThat(d).endsWith("-> 404"))
                .anySatisfy(d -> assertThat(d).endsWith("-> 200"))
                .anySatisfy(d -> assertThat(d).endsWith("-> 400"));
    }

    @Test
    void no_token_a_wrong_token_and_a_revoked_token_get_401_in_json_and_are_audited() throws Exception {
        Setup s = batch();
        String batch = "/api/reviews/" + s.batch().id();
        MvcResult none = call(batch, null);
        assertThat(none.getResponse().getStatus()).isEqualTo(401);
        assertThat(none.getResponse().getContentType()).startsWith("application/json");
        assertThat(body(none)).contains("\"code\":\"unauthorized\"", "Authorization");
        assertThat(call(batch, "mz_" + "A".repeat(43)).getResponse().getStatus()).isEqualTo(401);

        NewApiToken t = token(EnumSet.of(ApiScope.REVIEWS), s.unit().getId());
        assertThat(call(batch, t.token()).getResponse().getStatus()).isEqualTo(200);
        data.signIn("admin");
        assertThat(tokens.revoke(t.row().id()).active()).isFalse();
        assertThat(tokens.tokens()).filteredOn(x -> x.id() == t.row().id()).singleElement()
                .satisfies(x -> assertThat(x.lastUsedAt()).isNotNull());
        data.signOut();
        MvcResult revoked = call(batch, t.token());
        assertThat(revoked.getResponse().getStatus()).isEqualTo(401);
        assertThat(body(revoked)).contains("吊销");
        assertThat(calls("api:-")).extracting(AuditRecord::detail)
                .anySatisfy(d -> assertThat(d).isEqualTo("GET " + batch + " -> 401 (no token)"))
                .anySatisfy(d -> assertThat(d).isEqualTo("GET " + batch + " -> 401 (unknown or revoked token)"));
        assertThat(mvc.perform(get(batch).with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.httpBasic("admin", "Mingze@2026"))).andReturn()
                .getResponse().getStatus()).as("a person's password does not open the integration API").isEqualTo(401);
    }

    @Test
    void each_token_has_its_own_rate_limit_past_which_calls_get_429_with_retry_after_and_are_audited()
            throws Exception {
        clock.set(java.time.Instant.now()); // the buckets refill only when the test moves the clock
        Unit u = data.branch();
        NewApiToken busy = token(EnumSet.of(ApiScope.REVIEWS), u.getId());
        NewApiToken quiet = token(EnumSet.of(ApiScope.REVIEWS), u.getId());
        int limit = apiProperties.requestsPerMinute();
        String missing = "/api/reviews/99999999"; // a cheap call: 404 once the token checked out
        for (int i = 0; i < limit; i++) {
            assertThat(call(missing, busy.token()).getResponse().getStatus()).as("call %d", i + 1).isEqualTo(404);
        }
        MvcResult refused = call(missing, busy.token());
        assertThat(refused.getResponse().getStatus()).isEqualTo(429);
        assertThat(refused.getResponse().getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getResponse().getContentType()).startsWith("application/json");
        assertThat(body(refused)).contains("\"status\":429", "\"code\":\"too_many_requests\"",
                "每分钟最多 " + limit + " 次", "1 秒后再试");

        assertThat(call(missing, quiet.token()).getResponse().getStatus()).as("another token is not held up")
                .isEqualTo(404);
        clock.advance(java.time.Duration.ofSeconds(1));
        assertThat(call(missing, busy.token()).getResponse().getStatus()).as("one more a second later")
                .isEqualTo(404);
        assertThat(call(missing, busy.token()).getResponse().getStatus()).isEqualTo(429);

        assertThat(calls("api:" + busy.row().name())).extracting(AuditRecord::detail)
                .filteredOn(d -> d.endsWith("-> 429 (rate limit)")).hasSize(2)
                .allSatisfy(d -> assertThat(d).isEqualTo("GET " + missing + " -> 429 (rate limit)"));
        assertThat(calls("api:" + quiet.row().name())).extracting(AuditRecord::detail)
                .containsExactly("GET " + missing + " -> 404");
    }

    @Test
    void a_token_with_a_limit_of_its_own_gets_that_many_calls_a_minute_and_a_changed_limit_counts_from_the_next_call()
            throws Exception {
        clock.set(java.time.Instant.now());
        Unit u = data.branch();
        data.signIn("admin");
        NewApiToken hr = tokens.create("人事系统-" + TestData.next(), EnumSet.of(ApiScope.REVIEWS), u.getId(), 5);
        data.signOut();
        assertThat(hr.row().requestsPerMinute()).isEqualTo(5);
        String missing = "/api/reviews/99999999";
        for (int i = 0; i < 5; i++) {
            assertThat(call(missing, hr.token()).getResponse().getStatus()).as("call %d", i + 1).isEqualTo(404);
        }
        MvcResult refused = call(missing, hr.token());
        assertThat(refused.getResponse().getStatus()).isEqualTo(429);
        assertThat(refused.getResponse().getHeader("Retry-After")).as("a minute / 5 calls").isEqualTo("12");
        assertThat(body(refused)).contains("此接口令牌每分钟最多 5 次请求", "12 秒后再试");

        data.signIn("admin");
        ApiTokenRow raised = tokens.changeLimit(hr.row().id(), 200);
        assertThat(raised.requestsPerMinute()).isEqualTo(200);
        tokens.changeLimit(hr.row().id(), 200); // the same again: nothing to record
        data.signOut();
        clock.advance(java.time.Duration.ofSeconds(1)); // 200 a minute refill one call in 0.3 s
        assertThat(call(missing, hr.token()).getResponse().getStatus()).as("the new limit from the next call")
                .isEqualTo(404);

        data.signIn("admin");
        ApiTokenRow back = tokens.changeLimit(hr.row().id(), null);
        assertThat(back.requestsPerMinute()).as("the default again").isNull();
        data.signIn("guolx");
        assertThat(audit.search(new AuditQuery(null, "API_TOKEN_LIMIT", null, null, null, null), 0, 50).getContent())
                .extracting(AuditRecord::detail)
                .filteredOn(d -> d.startsWith(hr.row().name() + ":"))
                .containsExactlyInAnyOrder(hr.row().name() + ": 5/min -> 200/min",
                        hr.row().name() + ": 200/min -> " + apiProperties.requestsPerMinute() + "/min (default)");
    }

    @Test
    void a_limit_must_be_a_whole_number_from_1_to_6000_and_only_administrators_change_it() {
        Unit u = data.branch();
        data.signIn("admin");
        for (int wrong : new int[] {0, -1, 6001}) {
            var ex = org.junit.jupiter.api.Assertions.assertThrows(
                    org.mingze.base.validation.ValidationException.class,
                    () -> tokens.create("限额-" + TestData.next(), EnumSet.of(ApiScope.LEDGER), u.getId(), wrong));
            assertThat(ex.problems()).as("limit %d", wrong).extracting(p -> p.key())
                    .containsExactly("api.error.rate");
        }
        NewApiToken t = tokens.create("限额-" + TestData.next(), EnumSet.of(ApiScope.LEDGER), u.getId(), 6000);
        var ex = org.junit.jupiter.api.Assertions.assertThrows(org.mingze.base.validation.ValidationException.class,
                () -> tokens.changeLimit(t.row().id(), 0));
        assertThat(ex.problems()).extracting(p -> p.key()).containsExactly("api.error.rate");
        assertThat(tokens.tokens()).filteredOn(r -> r.id() == t.row().id()).singleElement()
                .extracting(ApiTokenRow::requestsPerMinute).as("unchanged after a refused change").isEqualTo(6000);
        data.signIn(data.account(u, Role.ORGANIZER).getUsername());
        assertThatThrownBy(() -> tokens.changeLimit(t.row().id(), 10)).isInstanceOf(AccessDeniedException.class);
        data.signIn("guolx");
        assertThatThrownBy(() -> tokens.changeLimit(t.row().id(), 10)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void only_the_sha256_of_a_token_is_stored_and_the_token_never_reaches_the_audit_log() throws Exception {
        Setup s = batch();
        NewApiToken t = token(EnumSet.of(ApiScope.REVIEWS), s.unit().getId());
        assertThat(t.token()).startsWith("mz_").hasSize(3 + 43);
        call("/api/reviews/" + s.batch().id(), t.token());
        List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM api_token WHERE id = ?").param(t.row().id())
                .query().listOfRows();
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.values()).noneSatisfy(v -> assertThat(String.valueOf(v)).contains(t.token().substring(3)));
            assertThat(row.get("TOKEN_HASH")).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(t.token().getBytes(StandardCharsets.UTF_8))));
        });
        Integer inAudit = jdbc.sql("SELECT COUNT(*) FROM base_audit_entry WHERE detail LIKE ?")
                .param("%" + t.token().substring(3, 20) + "%").query(Integer.class).single();
        assertThat(inAudit).isZero();
        NewApiToken other = token(EnumSet.of(ApiScope.REVIEWS), s.unit().getId());
        assertThat(other.token()).isNotEqualTo(t.token());
    }

    @Test
    void only_administrators_manage_tokens_and_a_token_needs_a_name_a_scope_and_a_unit() {
        Unit u = data.branch();
        data.signIn(data.account(u, Role.ORGANIZER).getUsername());
        assertThatThrownBy(() -> tokens.create("x", EnumSet.of(ApiScope.REVIEWS), u.getId()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> tokens.tokens()).isInstanceOf(AccessDeniedException.class);
        data.signIn("guolx");
        assertThatThrownBy(() -> tokens.revoke(1)).isInstanceOf(AccessDeniedException.class);
        data.signIn("admin");
        var ex = org.junit.jupiter.api.Assertions.assertThrows(org.mingze.base.validation.ValidationException.class,
                () -> tokens.create(" ", Set.of(), null));
        assertThat(ex.problems()).extracting(p -> p.key())
                .containsExactlyInAnyOrder("api.error.name", "api.error.scopes", "api.error.unit");
        String name = "唯一名称-" + TestData.next();
        tokens.create(name, EnumSet.of(ApiScope.LEDGER), u.getId());
        var taken = org.junit.jupiter.api.Assertions.assertThrows(
                org.mingze.base.validation.ValidationException.class,
                () -> tokens.create(name, EnumSet.of(ApiScope.LEDGER), u.getId()));
        assertThat(taken.problems()).extracting(p -> p.key()).containsExactly("api.error.name-taken");
    }

    private static String body(MvcResult r) throws Exception {
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
