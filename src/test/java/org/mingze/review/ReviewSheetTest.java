package org.mingze.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mingze.MingzeTest;
import org.mingze.TestData;
import org.mingze.base.security.Role;
import org.mingze.library.MutableClock;
import org.mingze.org.internal.Account;
import org.mingze.org.internal.Unit;
import org.mingze.quiz.exam.AttemptService;
import org.mingze.quiz.exam.AttemptView;
import org.mingze.quiz.exam.ExamTest;
import org.mingze.review.internal.SheetCodes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Result sheets: what they say, their codes, verification of a guessed, a valid and a changed sheet, access. */
@MingzeTest
@ExamTest
class ReviewSheetTest {

    @Autowired
    ReviewService reviews;
    @Autowired
    SheetService sheets;
    @Autowired
    AttemptService attempts;
    @Autowired
    TestData data;
    @Autowired
    MutableClock clock;

    @AfterEach
    void reset() {
        clock.reset();
        data.signOut();
    }

    @Test
    void a_sheet_verifies_with_minimal_data_a_guessed_code_does_not_and_a_changed_sheet_fails() {
        Unit u = data.branch();
        String organiser = data.account(u, Role.ORGANIZER).getUsername();
        Account a = data.account(u);
        Account other = data.account(u);
        data.signIn(organiser);
        BatchRow b = reviews.create(BatchDraft.of(ReviewType.PROMOTION, "职务晋升第" + TestData.next() + "批", u.getId(),
                LocalDate.now(clock).plusDays(10), List.of(new CandidateDraft(a.getMemberId(), "副所长", "所长"),
                        new CandidateDraft(other.getMemberId(), null, "副所长"))));
        data.signIn(a.getUsername());
        AttemptView v = attempts.startOrResume(b.examId());
        attempts.submit(v.attemptId(), v.holderToken());
        CandidateRow mine = reviews.mine().get(0);

        ResultSheet s = sheets.sheet(mine.id());
        assertThat(s.outcome()).isEqualTo(CandidateState.DEFERRED);
        assertThat(s.score()).isZero();
        assertThat(s.max()).isEqualByComparingTo("100");
        assertThat(s.passPercent()).isEqualTo(80);
        assertThat(s.currentPost()).isEqualTo("副所长");
        assertThat(s.proposedPost()).isEqualTo("所长");
        assertThat(s.tags()).isNotEmpty().allSatisfy(t -> assertThat(t.earned()).isZero());
        assertThat(s.code()).hasSize(16).matches("[A-Z2-7]{16}");
        assertThat(s.groupedCode()).matches("[A-Z2-7]{4}(-[A-Z2-7]{4}){3}");
        assertThat(sheets.sheet(mine.id()).code()).as("same content, same code").isEqualTo(s.code());

        data.signOut();
        Verification ok = sheets.verify(s.groupedCode().toLowerCase()).orElseThrow();
        assertThat(ok.maskedName()).isEqualTo(SheetCodes.mask(s.name())).doesNotContain(s.name().substring(1));
        assertThat(ok.outcome()).isEqualTo(CandidateState.DEFERRED);
        assertThat(ok.resit()).as("the first attempt, not a re-sit").isFalse();
        assertThat(ok.unitName()).isEqualTo(u.getName());
        String guessed = s.code().charAt(0) == 'A' ? "B" + s.code().substring(1) : "A" + s.code().substring(1);
        assertThat(sheets.verify(guessed)).isEmpty();
        assertThat(sheets.verify("not a code")).isEmpty();

        data.signIn(organiser);
        reviews.exempt(mine.id(), "经党委研究免于补考");
        long othersCandidacy = reviews.candidates(b.id()).stream().filter(c -> c.memberId() == other.getMemberId())
                .findFirst().orElseThrow().id();
        data.signOut();
        assertThat(sheets.verify(s.code())).as("the sheet no longer matches the records").isEmpty();
        data.signIn(a.getUsername());
        ResultSheet changed = sheets.sheet(mine.id());
        assertThat(changed.code()).isNotEqualTo(s.code());
        assertThat(sheets.verify(changed.code()).orElseThrow().outcome()).isEqualTo(CandidateState.EXEMPTED);

        assertThatThrownBy(() -> sheets.sheet(othersCandidacy)).as("a learner sees only their own sheet")
                .isInstanceOf(AccessDeniedException.class);
        data.signIn(data.account(data.branch(), Role.ORGANIZER).getUsername());
        assertThatThrownBy(() -> sheets.sheet(othersCandidacy)).as("an organiser of another branch")
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void names_are_masked_like_wang_star_hua_and_codes_carry_80_random_bits() {
        assertThat(SheetCodes.mask("王振华")).isEqualTo("王*华");
        assertThat(SheetCodes.mask("王华")).isEqualTo("王*");
        assertThat(SheetCodes.mask("欧阳明华")).isEqualTo("欧**华");
        java.util.Set<String> codes = new java.util.HashSet<>();
        for (int i = 0; i < 2000; i++) {
            codes.add(SheetCodes.newCode());
        }
        assertThat(codes).hasSize(2000).allSatisfy(c -> assertThat(c).matches("[A-Z2-7]{16}"));
        assertThat(SheetCodes.normalise("abcd-efgh-ijkl-mnop")).contains("ABCDEFGHIJKLMNOP");
        assertThat(SheetCodes.normalise("ABCD-EFGH-IJKL-MNO1")).as("1 is not base32").isEmpty();
    }
}
