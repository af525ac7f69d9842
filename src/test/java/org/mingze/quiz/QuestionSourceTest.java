package org.mingze.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mingze.MingzeTest;
import org.mingze.TestData;
import org.mingze.library.internal.LibraryContent;
import org.mingze.quiz.internal.QuizContent;
import org.springframework.beans.factory.annotation.Autowired;

/** What the bank hands the search index: current versions, retirement, and never an answer or explanation. */
@MingzeTest
@QuizTest
class QuestionSourceTest {

    @Autowired
    QuestionSource source;
    @Autowired
    QuestionService service;
    @Autowired
    QuizContent content;
    @Autowired
    LibraryContent library;
    @Autowired
    TestData data;
    @Autowired
    Clock clock;

    @BeforeEach
    void fixtures() {
        QuizFixtures.install(library, content);
    }

    @AfterEach
    void signOut() {
        data.signOut();
    }

    @Test
    void the_source_gives_each_questions_current_version_and_flags_retired_ones_for_callers_without_a_login() {
        data.signIn("lihm");
        String id = "src-" + TestData.next();
        Question v1 = service.save(Questions.fill().id(id).bank("来源测试题库").stem("开展廉洁家访时，应当同步建立___。")
                .answer(new AnswerKey.Blanks(List.of(List.of("家庭助廉档案")))).explanation("家访记录归入助廉台账。")
                .tags("廉洁家访", "家风").category("监督执纪").difficulty(4)
                .source("zhuti/diyi-zeren#一什么是第一责任人").build());
        service.save(Questions.from(v1).stem("开展廉洁家访后，应当及时建立___。").build());
        data.signOut();

        IndexableQuestion q = source.find(id).orElseThrow();
        assertThat(q.version()).isEqualTo(2);
        assertThat(q.stem()).isEqualTo("开展廉洁家访后，应当及时建立___。");
        assertThat(q.bank()).isEqualTo("来源测试题库");
        assertThat(q.type()).isEqualTo(QuestionType.FILL);
        assertThat(q.options()).isEmpty();
        assertThat(q.tags()).containsExactlyInAnyOrder("廉洁家访", "家风");
        assertThat(q.category()).isEqualTo("监督执纪");
        assertThat(q.difficulty()).isEqualTo(4);
        assertThat(q.source()).isEqualTo("zhuti/diyi-zeren#一什么是第一责任人");
        assertThat(q.retired()).isFalse();
        assertThat(q.updated()).isEqualTo(LocalDate.now(clock));
        assertThat(q.toString()).doesNotContain("家庭助廉档案", "助廉台账");

        data.signIn("lihm");
        service.retire(id);
        data.signOut();
        assertThat(source.find(id)).get().satisfies(r -> {
            assertThat(r.retired()).isTrue();
            assertThat(r.version()).isEqualTo(2);
        });
        assertThat(source.all()).extracting(IndexableQuestion::id).contains(id, "fa-001", "fb-001")
                .isSorted();
        assertThat(source.find(List.of(id, "no-such-question", "fa-002", id))).extracting(IndexableQuestion::id)
                .containsExactly("fa-002", id);
        assertThat(source.find("no-such-question")).isEmpty();
        assertThat(source.find((String) null)).isEmpty();
    }

    @Test
    void a_choice_question_comes_with_its_options_in_order() {
        IndexableQuestion q = source.find("fa-002").orElseThrow();
        assertThat(q.type()).isEqualTo(QuestionType.MULTIPLE);
        assertThat(q.options()).containsExactly("带头研究部署", "带头示范", "把责任全部交给分管领导", "带头监督检查");
        assertThat(q.bank()).isEqualTo("测试题库甲");
        assertThat(q.tags()).containsExactlyInAnyOrder("第一责任人", "一岗双责");
    }

    @Test
    void an_indexable_question_has_no_place_for_an_answer_or_an_explanation() {
        assertThat(Arrays.stream(IndexableQuestion.class.getRecordComponents()).map(RecordComponent::getName))
                .doesNotContain("answer", "explanation", "points")
                .allSatisfy(name -> assertThat(name.toLowerCase()).doesNotContain("answer", "explanation"));
    }
}
