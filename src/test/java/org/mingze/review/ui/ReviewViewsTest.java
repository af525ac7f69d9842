package org.mingze.review.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mingze.KaribuTest;
import org.mingze.base.security.Role;
import org.mingze.base.time.BureauZone;
import org.mingze.org.internal.Account;
import org.mingze.org.internal.Unit;
import org.mingze.quiz.exam.AttemptService;
import org.mingze.quiz.exam.AttemptView;
import org.mingze.quiz.exam.ExamTest;
import org.mingze.review.BatchDraft;
import org.mingze.review.BatchRow;
import org.mingze.review.CandidateDraft;
import org.mingze.review.ReviewService;
import org.mingze.review.ReviewType;
import org.springframework.beans.factory.annotation.Autowired;

/** The review pages as an organiser and candidates see them, without a browser. */
@ExamTest
class ReviewViewsTest extends KaribuTest {

    @Autowired
    ReviewService reviews;
    @Autowired
    AttemptService attempts;

    @Test
    void the_batch_page_lists_candidates_with_their_state_and_a_candidate_sees_only_their_own_sheet() {
        Unit u = data.branch();
        Account organiser = data.account(u, Role.ORGANIZER);
        Account a = data.account(u);
        Account b = data.account(u);
        login(organiser.getUsername());
        BatchRow batch = reviews.create(BatchDraft.of(ReviewType.PRE_APPOINTMENT, "视图测试批次", u.getId(),
                LocalDate.now(BureauZone.get()).plusDays(5), List.of(new CandidateDraft(a.getMemberId(), null, "副所长"),
                        new CandidateDraft(b.getMemberId(), null, "所长"))));
        UI.getCurrent().navigate("review");
        assertThat(GridKt._size(_get(Grid.class))).isGreaterThanOrEqualTo(1);
        UI.getCurrent().navigate("review/batch/" + batch.id());
        Grid<?> grid = _get(Grid.class);
        assertThat(GridKt._size(grid)).isEqualTo(2);
        assertThat(GridKt._getFormattedRow(grid, 0)).contains("副所长");

        login(a.getUsername());
        AttemptView v = attempts.startOrResume(batch.examId());
        attempts.submit(v.attemptId(), v.holderToken());
        UI.getCurrent().navigate("review/mine");
        assertThat(_get(MyReviewsView.class).getElement().getTextRecursively()).contains("视图测试批次", "暂缓", "补学");
        long mine = reviews.mine().get(0).id();
        UI.getCurrent().navigate("review/sheet/" + mine);
        String sheet = _get(Html.class).getInnerHtml();
        assertThat(sheet).contains("干部任免考核主体责任知识测试结果单", "暂缓", "副所长", "/verify/", "<svg");

        login(b.getUsername());
        UI.getCurrent().navigate("review/sheet/" + mine);
        _assertNone(Html.class);
        assertThat(_get(Paragraph.class).getText()).contains("找不到");
    }
}
