package org.mingze.quiz.exam.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.mingze.quiz.AnswerKey;
import org.mingze.quiz.Feedback;
import org.mingze.quiz.Grade;
import org.mingze.quiz.Question;
import org.mingze.quiz.QuestionType;
import org.mingze.quiz.ShownQuestion;
import org.mingze.quiz.exam.AttemptResult;
import org.mingze.quiz.exam.AttemptStatus;
import org.mingze.quiz.exam.AttemptView;
import org.mingze.quiz.exam.ReviewLevel;
import org.mingze.quiz.internal.SourceLinks;
import org.springframework.stereotype.Component;

/**
 * Builds what leaves the server about an attempt: {@link AttemptView} (questions as shown, the person's answers,
 * nothing graded) and {@link AttemptResult} cut to a review level.
 */
@Component
public class AttemptViews {

    private final QuestionVersions questions;
    private final SourceLinks links;

    AttemptViews(QuestionVersions questions, SourceLinks links) {
        this.questions = questions;
        this.links = links;
    }

    /** The question as shown in this attempt: options in the shown order, the paper's points. */
    public ShownQuestion shown(ItemRow item) {
        Question q = questions.get(item.questionId(), item.version());
        List<String> options = q.options();
        if (item.order().length == options.size() && !options.isEmpty()) {
            List<String> shuffled = new ArrayList<>();
            for (int i : item.order()) {
                shuffled.add(options.get(i));
            }
            options = shuffled;
        }
        return new ShownQuestion(q.id(), q.version(), q.type(), q.stem(), options,
                q.type() == QuestionType.FILL ? q.blankCount() : 0, item.points());
    }

    public AttemptView view(StoredAttempt a, StoredExam e, List<ItemRow> items, Instant now) {
        List<AttemptView.Item> out = items.stream().map(i -> new AttemptView.Item(i.position(), shown(i),
                i.response(), i.flagged(), i.savedAt())).toList();
        return new AttemptView(a.getId(), e.getId(), e.getTitle(), a.getAttemptNo(), e.getNavigation(),
                e.tabLeave(), a.getStartedAt(), a.getDeadline(), now, a.getHolderToken(), a.getTabLeaves(), out);
    }

    /**
     * A closed attempt cut to what may be shown.
     *
     * @param shown null: nothing graded is shown (the policy allows it from {@code reviewFrom})
     */
    public AttemptResult result(StoredAttempt a, StoredExam e, String memberName, List<ItemRow> items,
                                ReviewLevel shown, Instant reviewFrom, boolean counted) {
        boolean scoreShown = shown != null && a.getStatus() == AttemptStatus.GRADED;
        List<AttemptResult.Item> out = new ArrayList<>();
        for (ItemRow i : items) {
            Question q = questions.get(i.questionId(), i.version());
            Grade.Outcome outcome = null;
            BigDecimal points = null;
            AnswerKey key = null;
            String explanation = null;
            String url = null;
            String title = null;
            String comment = null;
            if (shown != null) {
                outcome = i.outcome();
                points = i.outcome() == Grade.Outcome.MANUAL ? null : i.earned();
                comment = i.comment();
                if (shown.includes(ReviewLevel.ANSWERS)) {
                    key = toShown(q.answer(), i);
                }
                if (shown.includes(ReviewLevel.EXPLANATIONS)) {
                    Feedback f = links.feedback(q, null);
                    explanation = f.explanation();
                    url = f.sourceUrl();
                    title = f.sourceTitle();
                }
            }
            out.add(new AttemptResult.Item(i.position(), shown(i), i.response(), outcome, points, key, explanation,
                    url, title, comment));
        }
        return new AttemptResult(a.getId(), e.getId(), e.getTitle(), a.getMemberId(), memberName, a.getAttemptNo(),
                a.getStatus(), a.getClosedBy(), a.getStartedAt(), a.getClosedAt(), shown,
                shown == null ? reviewFrom : null, scoreShown ? a.getScore() : null, a.getMaxPoints(),
                shown == null ? null : e.getPassPercent(), scoreShown ? a.getPassed() : null, counted, out);
    }

    /** The key with choices as indexes into the shown options. */
    static AnswerKey toShown(AnswerKey key, ItemRow item) {
        if (key instanceof AnswerKey.Choices c && item.order().length > 0) {
            return new AnswerKey.Choices(c.correct().stream().map(item::shownIndex).toList());
        }
        return key;
    }
}
