package org.mingze.quiz.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.Test;
import org.mingze.KaribuTest;
import org.mingze.base.security.Role;
import org.mingze.quiz.Answers;
import org.mingze.quiz.Question;
import org.mingze.quiz.internal.QuestionStore;
import org.springframework.beans.factory.annotation.Autowired;

/** A material's study check from the reader's link to "studied", on the real library and bank. */
class StudyCheckViewTest extends KaribuTest {

    private static final String MATERIAL = "zhuti/diyi-zeren";

    @Autowired
    QuestionStore store;

    private Question shown(QuestionCard card) {
        return store.version(card.question().id(), card.question().version()).orElseThrow();
    }

    @Test
    void the_reader_links_to_the_check_and_passing_it_marks_the_material_studied() {
        login(data.account(data.branch(), Role.LEARNER).getUsername());
        UI.getCurrent().navigate("library/read/" + MATERIAL);
        Anchor link = _get(Anchor.class, spec -> spec.withClasses("mingze-reader-check-link"));
        assertThat(link.getHref()).isEqualTo("quiz/check/" + MATERIAL);
        assertThat(link.getText()).isEqualTo("做学习检测");
        assertThat(_find(Span.class, spec -> spec.withClasses("mingze-studied"))).isEmpty();

        UI.getCurrent().navigate(link.getHref());
        StudyCheckView view = _get(StudyCheckView.class);
        assertThat(view.materialId()).isEqualTo(MATERIAL);
        assertThat(_get(H2.class).getText()).isEqualTo("学习检测：党委书记如何履行“第一责任人”职责");
        assertThat(view.cards()).hasSizeBetween(3, 5);
        assertThat(view.cards()).allSatisfy(c -> assertThat(c.feedbackText()).isEmpty());

        // one left out: nothing is handed in
        for (int i = 1; i < view.cards().size(); i++) {
            view.cards().get(i).setResponse(Answers.right(shown(view.cards().get(i))));
        }
        _click(_get(Button.class, spec -> spec.withClasses("mingze-study-check-submit")));
        NotificationsKt.expectNotifications("还有 1 道题没有作答，请答完再交卷。");
        assertThat(view.cards().get(0).feedbackText()).isEmpty();

        view.cards().get(0).setResponse(Answers.right(shown(view.cards().get(0))));
        _click(_get(Button.class, spec -> spec.withClasses("mingze-study-check-submit")));

        Div verdict = _get(Div.class, spec -> spec.withClasses("mingze-study-check-verdict"));
        assertThat(verdict.getClassNames()).contains("passed");
        assertThat(verdict.getElement().getTextRecursively()).startsWith("通过！").contains("已记为“已学习”");
        assertThat(view.cards()).allSatisfy(c -> assertThat(c.feedbackText()).contains("回答正确", "出处："));
        assertThat(_find(Button.class, spec -> spec.withClasses("mingze-study-check-submit"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withClasses("mingze-study-check-retry"))).isEmpty();

        UI.getCurrent().navigate("library/read/" + MATERIAL);
        assertThat(_find(Span.class, spec -> spec.withClasses("mingze-studied"))).hasSize(1);
        assertThat(_get(Anchor.class, spec -> spec.withClasses("mingze-reader-check-link")).getText())
                .isEqualTo("再做一次学习检测");
    }

    @Test
    void a_failed_check_says_what_was_needed_and_can_be_taken_again_with_fresh_questions() {
        login(data.account(data.branch(), Role.LEARNER).getUsername());
        UI.getCurrent().navigate("quiz/check/" + MATERIAL);
        StudyCheckView view = _get(StudyCheckView.class);
        view.cards().forEach(c -> c.setResponse(Answers.wrong(shown(c))));
        _click(_get(Button.class, spec -> spec.withClasses("mingze-study-check-submit")));

        Div verdict = _get(Div.class, spec -> spec.withClasses("mingze-study-check-verdict"));
        assertThat(verdict.getClassNames()).contains("failed");
        assertThat(verdict.getElement().getTextRecursively()).startsWith("未通过：得 0 分").contains("需要");
        assertThat(view.cards()).allSatisfy(c -> assertThat(c.feedbackText()).contains("回答错误", "正确答案："));

        _click(_get(Button.class, spec -> spec.withClasses("mingze-study-check-retry")));
        assertThat(view.cards()).allSatisfy(c -> assertThat(c.feedbackText()).isEmpty());
        assertThat(_find(Div.class, spec -> spec.withClasses("mingze-study-check-verdict"))).isEmpty();
    }

    @Test
    void an_unknown_material_or_an_encoded_address_is_handled() {
        login(data.account(data.branch(), Role.LEARNER).getUsername());
        UI.getCurrent().navigate("quiz/check/no/such-material");
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("mingze-study-check-none")).getText())
                .contains("没有学习检测题");
        assertThat(StudyCheckView.percentDecode("zhuti/%E4%B8%AD文+x")).isEqualTo("zhuti/中文+x");
    }
}
