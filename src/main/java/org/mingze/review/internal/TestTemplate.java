package org.mingze.review.internal;

import java.math.BigDecimal;
import java.util.List;
import org.mingze.quiz.QuestionType;
import org.mingze.quiz.exam.DrawMode;
import org.mingze.quiz.exam.DrawSection;
import org.mingze.quiz.exam.PaperDraft;

/**
 * The ready "主体责任知识测试" paper of an appointment review (decision 0013): 25 objective questions, 4 points each,
 * drawn afresh per attempt (so the re-sit gets other questions) from the main-responsibility banks: the basics of
 * 主体责任 (第一责任人, 一岗双责, 两个责任, 压力传导), the responsibility list and letter (责任清单与责任书), and
 * accountability from the supervision and regulation banks (问责, 一案双查, 监督责任).
 * <p>Seam: {@link #forPost(String)} returns the extra sections a proposed post adds (post-specific questions);
 * none yet.
 */
public final class TestTemplate {

    public static final String TITLE = "主体责任知识测试";
    static final List<QuestionType> OBJECTIVE = List.of(QuestionType.SINGLE, QuestionType.MULTIPLE,
            QuestionType.JUDGE);
    static final BigDecimal FOUR = BigDecimal.valueOf(4);

    private TestTemplate() {
    }

    public static List<DrawSection> sections() {
        return List.of(
                DrawSection.of("主体责任基础知识", List.of("主体责任基础知识"), List.of(), OBJECTIVE, 12, FOUR),
                DrawSection.of("责任清单与责任书", List.of("责任清单与责任书"), List.of(), OBJECTIVE, 6, FOUR),
                DrawSection.of("问责与监督", List.of("考核与监督", "党内法规"),
                        List.of("问责", "一案双查", "监督责任", "两个责任"), OBJECTIVE, 7, FOUR));
    }

    /** Extra sections for a proposed post (post-specific questions): none yet; the seam for later. */
    public static List<DrawSection> forPost(String proposedPost) {
        return List.of();
    }

    public static PaperDraft paper(String batchName) {
        return PaperDraft.drawn(TITLE + "（" + batchName + "）", DrawMode.PER_ATTEMPT, sections());
    }
}
