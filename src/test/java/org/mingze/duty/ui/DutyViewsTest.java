package org.mingze.duty.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.dom.Element;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mingze.KaribuTest;
import org.mingze.base.security.Role;
import org.mingze.base.time.BureauZone;
import org.mingze.duty.AppraisalService;
import org.mingze.duty.DutyService;
import org.mingze.duty.Rating;
import org.mingze.duty.SessionDraft;
import org.mingze.duty.SessionRow;
import org.mingze.org.internal.Account;
import org.mingze.org.internal.Unit;
import org.mingze.quiz.exam.ExamTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The duty-report pages as the organiser, the projector and an attendee's phone see them, without a browser. */
@ExamTest
class DutyViewsTest extends KaribuTest {

    @Autowired
    DutyService duty;
    @Autowired
    AppraisalService appraisal;

    private Unit unit;
    private Account organiser;
    private List<Account> reporters;

    private SessionRow session() {
        unit = data.branch();
        organiser = data.account(unit, Role.ORGANIZER);
        reporters = List.of(data.account(unit), data.account(unit), data.account(unit));
        login(organiser.getUsername());
        return duty.create(new SessionDraft("视图测试述职评议", LocalDate.now(BureauZone.get()).getYear(), unit.getId(),
                LocalDate.now(BureauZone.get()).plusDays(2), reporters.stream().map(Account::getMemberId).toList(),
                List.of("主体责任基础知识"), List.of(), 3, 10, 60, false));
    }

    /** Every text and attribute value of the element tree, as the browser would get it. */
    private static String sent(Element e) {
        StringBuilder s = new StringBuilder(e.getText());
        e.getAttributeNames().forEach(a -> s.append(' ').append(e.getAttribute(a)));
        e.getPropertyNames().forEach(p -> s.append(' ').append(e.getProperty(p, "")));
        e.getChildren().forEach(c -> s.append(' ').append(sent(c)));
        return s.toString();
    }

    @Test
    void the_control_screen_draws_shows_the_key_marks_and_reveals() {
        SessionRow s = session();
        UI.getCurrent().navigate("duty/control/" + s.id());
        _click(_get(Button.class, spec -> spec.withText("抽题")));
        Paragraph key = _get(Paragraph.class, spec -> spec.withClasses("mingze-duty-key"));
        assertThat(key.getText()).startsWith("答案：").hasSizeGreaterThan(3);
        assertThat(_get(Button.class, spec -> spec.withText("抽题")).isEnabled()).as("not before mark and reveal")
                .isFalse();
        _click(_get(Button.class, spec -> spec.withText("开始计时")));
        assertThat(_get(Span.class, spec -> spec.withClasses("mingze-duty-timer")).getText()).contains("剩余");
        _click(_get(Button.class, spec -> spec.withText("部分正确")));
        _click(_get(Button.class, spec -> spec.withText("公布答案")));
        String text = _get(DutyControlView.class).getElement().getTextRecursively();
        assertThat(text).contains("部分正确（5）", "答案已公布", "已抽1/3题，得分5/30");
        assertThat(_get(Button.class, spec -> spec.withText("抽题")).isEnabled()).isTrue();
        assertThat(_get(Button.class, spec -> spec.withText("下一位")).isEnabled()).isFalse();

        login(reporters.get(0).getUsername());
        UI.getCurrent().navigate("duty/control/" + s.id());
        _assertNone(DutyControlView.class);
    }

    @Test
    void the_presenter_screen_sends_no_answer_before_it_is_revealed_and_follows_the_control_screen() {
        SessionRow s = session();
        UI.getCurrent().navigate("duty/present/" + s.id());
        DutyPresenterView view = _get(DutyPresenterView.class);
        assertThat(view.getElement().getTextRecursively()).contains("第1位述职人（共3位）", "即将抽题");
        var q = duty.draw(s.id());
        view.refresh();
        String before = sent(view.getElement());
        assertThat(before).contains(q.stem()).doesNotContain("答案");
        if (q.explanation() != null && !q.explanation().isBlank()) {
            assertThat(before).doesNotContain(q.explanation());
        }
        _assertNone(Paragraph.class, spec -> spec.withClasses("mingze-duty-presenter-answer"));
        duty.mark(s.id(), org.mingze.duty.Mark.CORRECT);
        view.refresh();
        assertThat(sent(view.getElement())).doesNotContain("答案");
        duty.reveal(s.id());
        view.refresh();
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("mingze-duty-presenter-answer")).getText())
                .isEqualTo("答案：" + q.answer());

        login(reporters.get(1).getUsername());
        UI.getCurrent().navigate("duty/present/" + s.id());
        _assertNone(DutyPresenterView.class);
    }

    @Test
    void an_attendee_enters_the_code_rates_each_reporter_once_and_the_summary_shows_the_tally_after_closing() {
        SessionRow s = session();
        String code = appraisal.openVoting(s.id());
        Account attendee = data.account(unit);
        login(attendee.getUsername());
        UI.getCurrent().navigate("duty/vote");
        _setValue(_get(TextField.class, spec -> spec.withLabel("评议码")), "999999".equals(code) ? "000001" : "999999");
        _click(_get(Button.class, spec -> spec.withText("进入评议")));
        assertThat(_get(TextField.class, spec -> spec.withLabel("评议码")).isInvalid()).isTrue();
        _setValue(_get(TextField.class, spec -> spec.withLabel("评议码")), code);
        _click(_get(Button.class, spec -> spec.withText("进入评议")));
        assertThat(_get(DutyVoteView.class).getElement().getTextRecursively()).contains("视图测试述职评议", "无记名");
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Rating> first = _find(RadioButtonGroup.class).get(0);
        _setValue(first, Rating.EXCELLENT);
        _click(_find(Button.class, spec -> spec.withText("提交评价")).get(0));
        assertThat(_find(Button.class, spec -> spec.withText("提交评价"))).hasSize(2);
        assertThat(_get(DutyVoteView.class).getElement().getTextRecursively()).contains("已评议");

        login(organiser.getUsername());
        appraisal.closeVoting(s.id());
        UI.getCurrent().navigate("duty/session/" + s.id());
        assertThat(_get(DutySessionView.class).getElement().getTextRecursively()).contains("民主评议已结束");
        UI.getCurrent().navigate("duty");
        _get(DutyListView.class);
    }
}
