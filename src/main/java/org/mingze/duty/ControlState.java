package org.mingze.duty;

import java.util.List;

/**
 * The control screen of the live Q&A: the session, the reporter on now (null when the Q&A is finished), the
 * questions drawn for them with the key, and what may be done next.
 */
public record ControlState(SessionRow session, ReporterRow reporter, List<DrawnQuestion> questions,
                           boolean canDraw, boolean canNext, List<ReporterRow> reporters) {

    /** The question on now: the last drawn one, or null. */
    public DrawnQuestion current() {
        return questions.isEmpty() ? null : questions.get(questions.size() - 1);
    }
}
