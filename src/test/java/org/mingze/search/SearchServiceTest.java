package org.mingze.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mingze.MingzeTest;
import org.mingze.base.audit.AuditLog;
import org.mingze.base.audit.AuditQuery;
import org.mingze.library.MaterialsChanged;
import org.mingze.quiz.QuestionType;
import org.mingze.quiz.QuestionsChanged;
import org.mingze.search.internal.SearchIndexer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

@MingzeTest
@WithSearchFixtures
class SearchServiceTest {

    @Autowired
    SearchService search;
    @Autowired
    SearchIndexAdmin admin;
    @Autowired
    SearchIndexer indexer;
    @Autowired
    SearchFixtures.ListSource library;
    @Autowired
    SearchFixtures.QuestionList bank;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    UserDetailsService users;
    @Autowired
    AuditLog audit;

    @BeforeEach
    void indexed() throws Exception {
        indexer.awaitIdle();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private void login(String username) {
        UserDetails user = users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
    }

    @Test
    void the_library_is_indexed_at_start() {
        login("wangzh");
        SearchResults r = search.search(SearchRequest.of("一案双查"));
        assertThat(r.hits()).extracting(SearchHit::id).containsExactly("jiandu/yian-shuangcha");
    }

    @Test
    void archived_materials_are_for_administrators_only() {
        login("wangzh");
        assertThat(search.search(SearchRequest.of("旧版 责任制")).total()).isZero();
        assertThat(search.suggest("旧版")).isEmpty();
        login("admin");
        assertThat(search.search(SearchRequest.of("旧版 责任制")).hits()).extracting(SearchHit::id)
                .containsExactly("jiu/zerenzhi-2019");
        assertThat(search.suggest("旧版")).containsExactly("旧版党风廉政建设责任制实施办法");
    }

    @Test
    void a_changed_material_is_searchable_within_one_second_of_the_event() throws Exception {
        login("wangzh");
        library.put(SearchFixtures.material("t/new", "新到资料", "测试", "新增的一段关于谈心谈话制度的说明"));
        long start = System.nanoTime();
        events.publishEvent(new MaterialsChanged(Set.of("t/new"), Set.of()));
        long found = 0;
        while (found == 0 && System.nanoTime() - start < 1_000_000_000L) {
            found = search.search(SearchRequest.of("谈心谈话制度")).total();
            if (found == 0) {
                Thread.sleep(10);
            }
        }
        assertThat(found).isEqualTo(1);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000);

        library.remove("t/new");
        events.publishEvent(new MaterialsChanged(Set.of(), Set.of("t/new")));
        indexer.awaitIdle();
        assertThat(search.search(SearchRequest.of("谈心谈话制度")).total()).isZero();
    }

    @Test
    void a_material_reported_changed_but_gone_from_the_library_is_removed() throws Exception {
        login("wangzh");
        library.put(SearchFixtures.material("t/gone", "将被删除", "测试", "临时资料讲到了廉洁档案"));
        events.publishEvent(new MaterialsChanged(Set.of("t/gone"), Set.of()));
        indexer.awaitIdle();
        assertThat(search.search(SearchRequest.of("廉洁档案")).total()).isEqualTo(1);
        library.remove("t/gone");
        events.publishEvent(new MaterialsChanged(Set.of("t/gone"), Set.of()));
        indexer.awaitIdle();
        assertThat(search.search(SearchRequest.of("廉洁档案")).total()).isZero();
    }

    @Test
    void suggestions_offer_domain_terms_and_titles_quickly() {
        login("wangzh");
        search.suggest("三会"); // warm up
        long start = System.nanoTime();
        List<String> s = search.suggest("三会");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(s).startsWith("三会一课").contains("严格落实“三会一课”制度");
        assertThat(ms).isLessThan(50);
        assertThat(search.suggest("一崗")).contains("一岗双责");
        assertThat(search.suggest("")).isEmpty();
        assertThat(search.related("三会两课")).contains("三会一课");
    }

    @Test
    void only_administrators_rebuild_the_index_and_the_rebuild_is_audited() throws Exception {
        login("wangzh");
        assertThatThrownBy(() -> admin.rebuild()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> admin.status()).isInstanceOf(AccessDeniedException.class);
        login("admin");
        admin.rebuild();
        indexer.awaitIdle();
        IndexStatus status = admin.status();
        assertThat(status.building()).isFalse();
        assertThat(status.lastRebuild()).isNotNull();
        assertThat(status.documents()).isGreaterThanOrEqualTo(25);
        assertThat(status.lastError()).isNull();
        // the progress counted the materials and the questions together
        assertThat(status.total()).isEqualTo(library.all().size() + bank.all().size());
        assertThat(status.done()).isEqualTo(status.total());
        assertThat(search.search(SearchRequest.of("搜索测试题库")).total()).as("questions rebuilt too").isEqualTo(4);
        assertThat(audit.count(new AuditQuery("admin", "SEARCH_INDEX_REBUILD", null, null, null, null)))
                .isPositive();
    }

    // --- questions -----------------------------------------------------------------------------------------------

    @Test
    void organisers_administrators_and_auditors_find_questions_learners_never() {
        for (String staff : List.of("lihm", "guolx", "admin")) {
            login(staff);
            assertThat(search.findsQuestions()).as(staff).isTrue();
            SearchResults r = search.search(SearchRequest.of("搜索测试题库"));
            assertThat(r.hits()).as(staff).extracting(SearchHit::id).contains("sq-001", "sq-002", "sq-004");
            assertThat(r.hits()).as(staff).allSatisfy(h -> {
                assertThat(h.type()).isEqualTo("question");
                assertThat(h.url()).isEqualTo("quiz/questions/" + h.id());
                assertThat(h.heading()).isEqualTo(SearchFixtures.BANK);
            });
        }
        login("wangzh");
        assertThat(search.findsQuestions()).isFalse();
        assertThat(search.search(SearchRequest.of("搜索测试题库")).total()).isZero();
        assertThat(search.search(SearchRequest.of("三会一课").withTypes(List.of("question"))).total()).isZero();
        SearchResults mixed = search.search(SearchRequest.of("组织生活"));
        assertThat(mixed.hits()).isNotEmpty().noneMatch(SearchHit::isQuestion);
        assertThat(mixed.facets().get("type")).extracting(FacetCount::value).containsExactly("material");
    }

    @Test
    void retired_questions_are_for_administrators_only() {
        login("lihm");
        assertThat(search.search(SearchRequest.of("苗头性问题")).total()).isZero();
        login("admin");
        SearchResults r = search.search(SearchRequest.of("苗头性问题"));
        assertThat(r.hits()).extracting(SearchHit::id).containsExactly("sq-003");
        assertThat(r.hits().get(0).archived()).isTrue();
    }

    @Test
    void a_changed_question_is_searchable_within_one_second_of_the_event_and_a_retired_one_is_gone()
            throws Exception {
        login("lihm");
        bank.put(SearchFixtures.question("sq-nrt", QuestionType.JUDGE, "每季度召开一次廉情分析会，研判本单位廉政风险。",
                List.of(), "测试", List.of(), false));
        long start = System.nanoTime();
        events.publishEvent(new QuestionsChanged(Set.of("sq-nrt"), Set.of()));
        long found = 0;
        while (found == 0 && System.nanoTime() - start < 1_000_000_000L) {
            found = search.search(SearchRequest.of("\"廉情分析会\"")).total();
            if (found == 0) {
                Thread.sleep(10);
            }
        }
        assertThat(found).isEqualTo(1);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000);

        // a new version replaces the old one
        bank.put(SearchFixtures.question("sq-nrt", QuestionType.JUDGE, "每半年召开一次廉情研判会，研判本单位廉政风险。",
                List.of(), "测试", List.of(), false));
        events.publishEvent(new QuestionsChanged(Set.of("sq-nrt"), Set.of()));
        indexer.awaitIdle();
        // quoted: exactly these characters (an unquoted query of several words may be relaxed to most of them)
        assertThat(search.search(SearchRequest.of("\"廉情分析会\"")).total()).isZero();
        assertThat(search.search(SearchRequest.of("\"廉情研判会\"")).hits()).singleElement()
                .satisfies(h -> assertThat(h.title()).isEqualTo("每半年召开一次廉情研判会，研判本单位廉政风险。"));

        // retired: gone for the organiser within a second, still there for an administrator
        bank.put(SearchFixtures.question("sq-nrt", QuestionType.JUDGE, "每半年召开一次廉情研判会，研判本单位廉政风险。",
                List.of(), "测试", List.of(), true));
        start = System.nanoTime();
        events.publishEvent(new QuestionsChanged(Set.of("sq-nrt"), Set.of()));
        while (found > 0 && System.nanoTime() - start < 1_000_000_000L) {
            found = search.search(SearchRequest.of("\"廉情研判会\"")).total();
            if (found > 0) {
                Thread.sleep(10);
            }
        }
        assertThat(found).isZero();
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000);
        login("admin");
        assertThat(search.search(SearchRequest.of("\"廉情研判会\"")).hits()).singleElement()
                .satisfies(h -> assertThat(h.archived()).isTrue());

        // gone from the bank: gone from the index, for administrators too
        bank.remove("sq-nrt");
        events.publishEvent(new QuestionsChanged(Set.of(), Set.of("sq-nrt")));
        indexer.awaitIdle();
        assertThat(search.search(SearchRequest.of("\"廉情研判会\"")).total()).isZero();
    }

    @Test
    void nobody_searches_without_signing_in() {
        assertThatThrownBy(() -> search.search(SearchRequest.of("主体责任")))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }
}
