package org.mingze.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mingze.MingzeTest;
import org.mingze.TestData;
import org.mingze.base.audit.AuditLog;
import org.mingze.base.audit.AuditQuery;
import org.mingze.base.audit.AuditRecord;
import org.mingze.base.validation.Problem;
import org.mingze.base.validation.ValidationException;
import org.mingze.library.internal.LibraryContent;
import org.mingze.quiz.internal.QuizContent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

@MingzeTest
@QuizTest
class QuestionServiceTest {

    private static final String ORGANIZER = "lihm";
    private static final String ADMIN = "admin";
    private static final String AUDITOR = "guolx";
    private static final String LEARNER = "wangzh";

    @Autowired
    QuestionService service;
    @Autowired
    QuizContent content;
    @Autowired
    LibraryContent library;
    @Autowired
    AuditLog audit;
    @Autowired
    TestData data;
    @Autowired
    QuizTestConfig.Recorder recorder;

    @BeforeEach
    void fixtures() {
        QuizFixtures.install(library, content);
        recorder.clear();
    }

    @AfterEach
    void signOut() {
        data.signOut();
    }

    /** A unique id (and bank name) per test, so that tests never see each other's questions. */
    private static String unique(String prefix) {
        return prefix + "-" + TestData.next();
    }

    private List<AuditRecord> audited(String action, String objectId) {
        String who = org.mingze.base.security.CurrentUser.actor();
        data.signIn(ADMIN);
        List<AuditRecord> found = audit.search(new AuditQuery(null, action, null, objectId, null, null), 0, 50)
                .getContent();
        if (who.equals(org.mingze.base.security.CurrentUser.SYSTEM)) {
            data.signOut();
        } else {
            data.signIn(who);
        }
        return found;
    }

    private Question created(String id, String bank) {
        return service.save(Questions.single().id(id).bank(bank).source("zhuti/diyi-zeren#一什么是第一责任人")
                .build());
    }

    // --- versions ----------------------------------------------------------------------------------------------

    @Test
    void editing_makes_version_two_and_leaves_version_one_as_it_was() {
        data.signIn(ORGANIZER);
        String id = unique("ver");
        Question v1 = created(id, unique("版本"));
        assertThat(v1.version()).isEqualTo(1);

        Question v2 = service.save(Questions.from(v1).stem("第一责任人是谁？").letters("B").build());

        assertThat(v2.version()).isEqualTo(2);
        assertThat(service.get(id)).contains(v2);
        assertThat(service.get(id, 1)).get().satisfies(old -> {
            assertThat(old.stem()).isEqualTo(v1.stem());
            assertThat(old).isEqualTo(v1);
        });
        assertThat(service.get(id, 2).map(Question::stem)).contains("第一责任人是谁？");
        assertThat(service.history(id)).extracting(QuestionVersionInfo::version, QuestionVersionInfo::createdBy,
                QuestionVersionInfo::createdFrom, QuestionVersionInfo::current).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, ORGANIZER, "app", false),
                org.assertj.core.groups.Tuple.tuple(2, ORGANIZER, "app", true));
        assertThat(audited("QUESTION_CREATE", id)).singleElement()
                .satisfies(a -> assertThat(a.actor()).isEqualTo(ORGANIZER));
        assertThat(audited("QUESTION_EDIT", id)).singleElement()
                .satisfies(a -> assertThat(a.detail()).contains("v2", "stem").doesNotContain("answer", "tags"));
    }

    @Test
    void saving_unchanged_content_makes_no_version_no_audit_entry_and_no_event() {
        data.signIn(ORGANIZER);
        String id = unique("same");
        Question v1 = created(id, unique("不变"));
        recorder.clear();

        Question again = service.save(Questions.from(v1).stem("  " + v1.stem() + " ").tags(" 第一责任人 ").build());

        assertThat(again.version()).isEqualTo(1);
        assertThat(service.history(id)).hasSize(1);
        assertThat(audited("QUESTION_EDIT", id)).isEmpty();
        assertThat(recorder.events()).isEmpty();
    }

    @Test
    void a_change_is_announced_after_commit() {
        data.signIn(ORGANIZER);
        String id = unique("evt");
        created(id, unique("事件"));
        assertThat(recorder.events()).anySatisfy(e -> assertThat(e.changed()).contains(id));
    }

    // --- validation --------------------------------------------------------------------------------------------

    @Test
    void an_invalid_question_is_refused_with_every_problem_and_nothing_is_stored() {
        data.signIn(ORGANIZER);
        String id = unique("bad");
        Question bad = Questions.multiple().id(id).letters("A").explanation("").build();

        assertThatThrownBy(() -> service.save(bad)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.problems()).extracting(Problem::field, Problem::key).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("answer", "quiz.error.multiple.too-few"),
                        org.assertj.core.groups.Tuple.tuple("explanation", "quiz.error.explanation.required")));
        assertThat(service.get(id)).isEmpty();
        assertThat(audited("QUESTION_CREATE", id)).isEmpty();
    }

    @Test
    void the_source_must_be_a_loaded_material_and_one_of_its_sections() {
        data.signIn(ORGANIZER);
        String id = unique("src");
        assertThatThrownBy(() -> service.save(Questions.single().id(id).source("zhuti/nowhere#一").build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(Problem::key).containsExactly("quiz.error.source.unknown"));
        assertThatThrownBy(() -> service.save(Questions.single().id(id).source("zhuti/diyi-zeren#三没有这节").build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.key()).isEqualTo("quiz.error.source.anchor-unknown");
                            assertThat(p.args()).containsExactly("党委书记如何履行“第一责任人”职责", "三没有这节");
                        }));
        assertThat(service.save(Questions.single().id(id).source("zhuti/diyi-zeren#二怎样履行-2").build()).version())
                .isEqualTo(1);
    }

    @Test
    void an_edit_from_an_old_version_is_refused_so_that_nobody_overwrites_another() {
        data.signIn(ORGANIZER);
        String id = unique("stale");
        Question v1 = created(id, unique("并发"));
        service.save(Questions.from(v1).stem("甲先改的题干").build());

        assertThatThrownBy(() -> service.save(Questions.from(v1).stem("乙后改的题干").build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.key()).isEqualTo("quiz.error.stale")));
        assertThat(service.get(id).map(Question::stem)).contains("甲先改的题干");
    }

    @Test
    void a_new_question_cannot_take_a_used_id_and_a_blank_id_gets_the_banks_next_number() {
        data.signIn(ADMIN);
        assertThatThrownBy(() -> service.save(Questions.single().id("fa-001").build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(Problem::key).containsExactly("quiz.error.id.taken"));

        String prefix = "nx" + TestData.next();
        String bank = unique("编号");
        service.save(Questions.single().id(prefix + "-007").bank(bank).build());
        Question next = service.save(Questions.single().id(null).bank(bank).stem("新增的一道题？").build());
        assertThat(next.id()).isEqualTo(prefix + "-008");
        Question first = service.save(Questions.single().id(" ").bank(unique("新题库")).stem("新题库的第一道题？").build());
        assertThat(first.id()).matches("q-\\d{3,}");
        assertThatThrownBy(() -> service.save(Questions.single().id("nobody-" + TestData.next()).version(3).build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(Problem::key).containsExactly("quiz.error.missing"));
    }

    // --- content/questions -------------------------------------------------------------------------------------

    @Test
    void a_restart_keeps_an_edit_made_in_the_app_until_the_file_itself_changes() {
        String id = unique("re");
        String bank = unique("重导");
        String file = id + ".yaml";
        QuizFixtures.writeBank(file, QuizFixtures.bank(bank, id, "文件中的题干一？"));
        content.reload("test", false);
        data.signIn(ORGANIZER);
        Question v1 = service.get(id).orElseThrow();
        assertThat(v1.version()).isEqualTo(1);
        service.save(Questions.from(v1).stem("在系统中改过的题干？").build());

        data.signOut();
        content.reload("start", false); // what a restart does
        content.reload("start", false);
        data.signIn(ORGANIZER);
        assertThat(service.get(id)).get().satisfies(q -> {
            assertThat(q.version()).isEqualTo(2);
            assertThat(q.stem()).isEqualTo("在系统中改过的题干？");
        });

        QuizFixtures.writeBank(file, QuizFixtures.bank(bank, id, "文件中改过的题干？"));
        data.signOut();
        content.reload("watch", false);
        data.signIn(ORGANIZER);
        assertThat(service.get(id)).get().satisfies(q -> {
            assertThat(q.version()).isEqualTo(3);
            assertThat(q.stem()).isEqualTo("文件中改过的题干？");
        });
        assertThat(service.get(id, 2).map(Question::stem)).contains("在系统中改过的题干？");
        assertThat(service.history(id)).extracting(QuestionVersionInfo::createdFrom)
                .containsExactly("questions/" + file, "app", "questions/" + file);
        assertThat(service.search(QuestionFilter.all().withBank(bank), 0, 10).total()).as("never duplicated")
                .isEqualTo(1);
        assertThat(audited("QUESTION_IMPORT", "questions/" + file)).hasSize(2)
                .anySatisfy(a -> assertThat(a.detail()).contains("created 1", id))
                .anySatisfy(a -> assertThat(a.detail()).contains("changed 1", id));
    }

    @Test
    void a_question_gone_from_its_file_is_retired_and_restored_when_it_comes_back() {
        String a = unique("gone");
        String b = unique("gone");
        String bank = unique("去留");
        String file = a + ".yaml";
        QuizFixtures.writeBank(file, QuizFixtures.bank(bank, a, "留下的题？", b, "将被删除的题？"));
        content.reload("test", false);

        QuizFixtures.writeBank(file, QuizFixtures.bank(bank, a, "留下的题？"));
        content.reload("test", false);
        data.signIn(ADMIN);
        assertThat(service.get(b)).get().satisfies(q -> assertThat(q.retired()).isTrue());
        assertThat(service.search(QuestionFilter.all().withBank(bank), 0, 10).rows()).extracting(QuestionRow::id)
                .containsExactly(a);

        QuizFixtures.writeBank(file, QuizFixtures.bank(bank, a, "留下的题？", b, "将被删除的题？"));
        data.signOut();
        content.reload("test", false);
        data.signIn(ADMIN);
        assertThat(service.get(b)).get().satisfies(q -> {
            assertThat(q.retired()).isFalse();
            assertThat(q.version()).as("same content, no new version").isEqualTo(1);
        });

        QuizFixtures.deleteBank(file);
        data.signOut();
        content.reload("test", false);
        data.signIn(ADMIN);
        assertThat(service.search(QuestionFilter.all().withBank(bank), 0, 10).total()).isZero();
        assertThat(service.search(QuestionFilter.all().withBank(bank).withRetired(true), 0, 10).total()).isEqualTo(2);
    }

    @Test
    void a_broken_bank_is_listed_for_administrators_and_its_questions_stay_as_last_imported() {
        String id = unique("brk");
        String bank = unique("损坏");
        String file = id + ".yaml";
        QuizFixtures.writeBank(file, QuizFixtures.bank(bank, id, "原来的题干？"));
        content.reload("test", false);

        QuizFixtures.writeBank(file, QuizFixtures.bank(bank, id, "改坏了的题干？").replace("answer: A", "answer: [A, B]"));
        content.reload("test", false);

        data.signIn(ADMIN);
        assertThat(service.rejectedBanks(Locale.CHINESE)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("quiz-test-content/questions/" + file);
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.questionId()).isEqualTo(id);
            assertThat(p.message()).contains("单选题必须恰好有一个正确选项");
            assertThat(p.toString()).startsWith("quiz-test-content/questions/" + file + ":7: " + id + ": ");
        });
        assertThat(service.rejectedBanks(Locale.ENGLISH).get(0).message()).contains("exactly one correct option");
        assertThat(service.get(id)).get().satisfies(q -> {
            assertThat(q.stem()).isEqualTo("原来的题干？");
            assertThat(q.retired()).isFalse();
        });
        assertThat(audited("QUESTION_IMPORT_REJECTED", "questions/" + file)).singleElement()
                .satisfies(a -> assertThat(a.detail()).contains("line 7", id, "quiz.error.single.answer"));

        data.signOut();
        content.reload("test", false); // the same problem again is not audited again
        assertThat(audited("QUESTION_IMPORT_REJECTED", "questions/" + file)).hasSize(1);
    }

    @Test
    void an_id_in_two_bank_files_rejects_both_files_and_names_the_other() {
        String id = unique("dup");
        QuizFixtures.writeBank(id + "-a.yaml", QuizFixtures.bank(unique("重复甲"), id, "甲文件的题？"));
        QuizFixtures.writeBank(id + "-b.yaml", QuizFixtures.bank(unique("重复乙"), id, "乙文件的题？"));
        content.reload("test", false);

        data.signIn(ADMIN);
        assertThat(service.get(id)).isEmpty();
        assertThat(service.rejectedBanks(Locale.CHINESE)).extracting(BankFileProblem::toString).containsExactly(
                "quiz-test-content/questions/" + id + "-a.yaml:3: " + id + ": 题目编号 " + id + " 与 quiz-test-content/questions/"
                        + id + "-b.yaml:3 重复，这些题库文件都未导入。请修改其中一个编号。",
                "quiz-test-content/questions/" + id + "-b.yaml:3: " + id + ": 题目编号 " + id + " 与 quiz-test-content/questions/"
                        + id + "-a.yaml:3 重复，这些题库文件都未导入。请修改其中一个编号。");
    }

    @Test
    void a_changed_bank_file_is_imported_within_seconds_by_the_watcher() {
        String id = unique("watch");
        QuizFixtures.writeBank(id + ".yaml", QuizFixtures.bank(unique("监视"), id, "新写入的题？"));
        data.signIn(AUDITOR);
        await().pollInSameThread().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(service.get(id)).isPresent());
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(recorder.events()).anySatisfy(e -> assertThat(e.changed()).contains(id)));
    }

    @Test
    void an_administrator_reloads_on_demand_and_the_reload_is_audited() {
        data.signIn(ADMIN);
        long before = audited("QUESTION_RELOAD", null).size();
        QuizReloadResult r = service.reload();
        assertThat(r.files()).isGreaterThanOrEqualTo(2);
        assertThat(r.questions()).isGreaterThanOrEqualTo(5);
        assertThat(r.rejectedFiles()).isZero();
        assertThat(audited("QUESTION_RELOAD", null)).hasSize((int) before + 1);
    }

    // --- retire and restore ------------------------------------------------------------------------------------

    @Test
    void a_retired_question_leaves_the_lists_and_comes_back_when_restored_both_audited() {
        data.signIn(ORGANIZER);
        String id = unique("ret");
        String bank = unique("停用");
        created(id, bank);
        recorder.clear();

        service.retire(id);
        assertThat(service.search(QuestionFilter.all().withBank(bank), 0, 10).total()).isZero();
        assertThat(service.search(QuestionFilter.all().withBank(bank).withRetired(true), 0, 10).rows())
                .singleElement().satisfies(r -> assertThat(r.retired()).isTrue());
        assertThat(service.get(id)).get().satisfies(q -> assertThat(q.retired()).isTrue());
        assertThat(service.ofMaterial("zhuti/diyi-zeren")).extracting(Question::id).doesNotContain(id);
        assertThat(recorder.events()).anySatisfy(e -> assertThat(e.changed()).contains(id));

        service.restore(id);
        assertThat(service.search(QuestionFilter.all().withBank(bank), 0, 10).total()).isEqualTo(1);
        assertThat(service.get(id)).get().satisfies(q -> {
            assertThat(q.retired()).isFalse();
            assertThat(q.version()).as("retiring is no new version").isEqualTo(1);
        });
        assertThat(audited("QUESTION_RETIRE", id)).hasSize(1);
        assertThat(audited("QUESTION_RESTORE", id)).hasSize(1);
    }

    @Test
    void a_restart_does_not_restore_a_question_retired_in_the_app() {
        data.signIn(ORGANIZER);
        service.retire("fa-003");
        data.signOut();
        content.reload("start", false);
        data.signIn(ORGANIZER);
        assertThat(service.get("fa-003")).get().satisfies(q -> assertThat(q.retired()).isTrue());
        service.restore("fa-003");
    }

    // --- access --------------------------------------------------------------------------------------------------

    @Test
    void learners_are_refused_everything() {
        data.signIn(LEARNER);
        Question q = Questions.single().id(unique("lrn")).build();
        List<Runnable> calls = List.of(() -> service.search(QuestionFilter.all(), 0, 10), () -> service.get("fa-001"),
                () -> service.get("fa-001", 1), () -> service.history("fa-001"), () -> service.banks(),
                () -> service.tags(), () -> service.categories(), () -> service.ofMaterial("zhuti/diyi-zeren"),
                () -> service.similarStems("题干", null), () -> service.save(q), () -> service.retire("fa-001"),
                () -> service.restore("fa-001"), () -> service.reload(),
                () -> service.rejectedBanks(Locale.CHINESE));
        for (Runnable call : calls) {
            assertThatThrownBy(call::run).isInstanceOf(AccessDeniedException.class);
        }
        data.signOut();
        assertThatThrownBy(() -> service.get("fa-001")).isInstanceOf(
                org.springframework.security.authentication.AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void auditors_read_the_bank_with_answers_but_change_nothing() {
        data.signIn(AUDITOR);
        assertThat(service.get("fa-002")).get().satisfies(q -> assertThat(q.answer())
                .isEqualTo(new AnswerKey.Choices(List.of(0, 1, 3))));
        assertThat(service.search(QuestionFilter.all().withBank("测试题库甲"), 0, 10).total()).isEqualTo(4);
        assertThat(service.history("fa-001")).isNotEmpty();
        Question edit = Questions.from(service.get("fa-001").orElseThrow()).stem("审计人员改的题干").build();
        assertThatThrownBy(() -> service.save(edit)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.retire("fa-001")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.reload()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.rejectedBanks(Locale.CHINESE)).isInstanceOf(AccessDeniedException.class);
        assertThat(service.get("fa-001").map(Question::stem)).get().isNotEqualTo("审计人员改的题干");
    }

    @Test
    void organisers_and_administrators_manage_but_only_administrators_reload() {
        data.signIn("zhouxy");
        Question q = created(unique("org"), unique("组织"));
        service.retire(q.id());
        assertThatThrownBy(() -> service.reload()).isInstanceOf(AccessDeniedException.class);
        data.signIn(ADMIN);
        service.restore(q.id());
        assertThat(service.get(q.id())).get().satisfies(x -> assertThat(x.retired()).isFalse());
    }

    // --- lists -----------------------------------------------------------------------------------------------------

    @Test
    void the_list_filters_by_bank_category_tag_type_difficulty_material_and_text_with_counts() {
        data.signIn(AUDITOR);
        QuestionFilter alpha = QuestionFilter.all().withBank("测试题库甲");
        QuestionPage all = service.search(alpha, 0, 10);
        assertThat(all.rows()).extracting(QuestionRow::id).containsExactly("fa-001", "fa-002", "fa-003", "fa-004");
        assertThat(all.byType()).containsEntry(QuestionType.SINGLE, 1L).containsEntry(QuestionType.MULTIPLE, 1L)
                .containsEntry(QuestionType.JUDGE, 1L).containsEntry(QuestionType.FILL, 1L)
                .containsEntry(QuestionType.ESSAY, 0L);

        assertThat(ids(alpha.withTag("一岗双责"))).containsExactly("fa-002", "fa-003");
        assertThat(ids(alpha.withType(QuestionType.FILL))).containsExactly("fa-004");
        assertThat(ids(new QuestionFilter("测试题库甲", "组织生活", null, null, null, null, null, false)))
                .containsExactly("fa-004");
        assertThat(ids(new QuestionFilter(null, null, null, null, 3, null, null, false))).contains("fa-002")
                .doesNotContain("fa-001");
        assertThat(ids(QuestionFilter.all().withMaterial("zhuti/diyi-zeren"))).contains("fa-001", "fa-002", "fb-001")
                .doesNotContain("fa-003");
        assertThat(ids(QuestionFilter.all().withText("第一责任人"))).contains("fa-001", "fa-002")
                .doesNotContain("fa-003");
        assertThat(ids(QuestionFilter.all().withText("FA-004"))).containsExactly("fa-004");
        assertThat(ids(QuestionFilter.all().withText("100%_"))).isEmpty();

        QuestionPage second = service.search(alpha, 1, 3);
        assertThat(second.rows()).extracting(QuestionRow::id).containsExactly("fa-004");
        assertThat(second.total()).isEqualTo(4);
        assertThat(service.search(alpha.withType(QuestionType.JUDGE), 0, 10).byType())
                .containsEntry(QuestionType.JUDGE, 1L).containsEntry(QuestionType.SINGLE, 0L);
    }

    @Test
    void banks_tags_and_categories_are_listed() {
        data.signIn(ORGANIZER);
        assertThat(service.banks()).contains(new BankSummary("测试题库乙", 1, 0));
        assertThat(service.banks()).filteredOn(b -> b.name().equals("测试题库甲")).singleElement()
                .satisfies(b -> assertThat(b.questions() + b.retired()).isEqualTo(4));
        assertThat(service.tags()).contains("第一责任人", "一岗双责", "三会一课");
        assertThat(service.categories()).contains("主体责任", "组织生活");
    }

    @Test
    void the_questions_of_a_material_are_there_for_its_study_check() {
        data.signIn(ORGANIZER);
        assertThat(service.ofMaterial("zhuti/diyi-zeren")).extracting(Question::id).contains("fa-001", "fa-002",
                "fb-001").doesNotContain("fa-003", "fa-004");
        assertThat(service.ofMaterial("zhidu/sanhui-yike")).singleElement().satisfies(q -> {
            assertThat(q.id()).isEqualTo("fa-004");
            assertThat(q.answer()).isEqualTo(new AnswerKey.Blanks(List.of(List.of("党课"))));
        });
        assertThat(service.ofMaterial("nowhere")).isEmpty();
    }

    @Test
    void a_nearly_identical_stem_is_found_but_not_the_question_itself_or_a_different_one() {
        data.signIn(ORGANIZER);
        List<SimilarQuestion> similar = service.similarStems("落实全面从严治党主体责任, ___ 是第一责任人", null);
        assertThat(similar).extracting(SimilarQuestion::id).contains("fa-001");
        assertThat(similar.get(0).similarity()).isGreaterThanOrEqualTo(0.8);
        assertThat(service.similarStems("落实全面从严治党主体责任，___是第一责任人。", "fa-001"))
                .extracting(SimilarQuestion::id).doesNotContain("fa-001");
        assertThat(service.similarStems("三会一课中的“一课”指什么？", null)).extracting(SimilarQuestion::id)
                .doesNotContain("fa-001");
        assertThat(service.similarStems("  ，。 ", null)).isEmpty();
    }

    private List<String> ids(QuestionFilter filter) {
        return service.search(filter, 0, 100).rows().stream().map(QuestionRow::id).toList();
    }
}
