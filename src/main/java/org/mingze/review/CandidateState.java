package org.mingze.review;

/** Where a candidate of a review batch stands (decision 0013). */
public enum CandidateState {
    /** 待测试: has not passed or failed yet; the deadline applies. */
    PENDING,
    /** 测试合格. */
    PASSED,
    /** 暂缓: failed once; one re-sit (补考) after the make-up study (补学). */
    DEFERRED,
    /** 不合格: failed the re-sit, or let its window pass. */
    FAILED,
    /** 未参加: nothing by the deadline. */
    ABSENT,
    /** 免测: exempted by an organiser, with a reason. */
    EXEMPTED;

    public String labelKey() {
        return "review.state." + name();
    }

    /** No rule changes it any more (an exemption still may, except from PASSED, FAILED and EXEMPTED). */
    public boolean isFinal() {
        return this == PASSED || this == FAILED || this == EXEMPTED;
    }
}
