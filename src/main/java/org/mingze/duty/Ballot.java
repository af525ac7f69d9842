package org.mingze.duty;

import java.util.List;

/** The appraisal form a member gets for a session code: each reporter, whether they already rated them. */
public record Ballot(long sessionId, String sessionName, String unitName, List<Line> lines) {

    /** One reporter on the form; {@code self} when it is the voter (who does not rate themselves). */
    public record Line(long reporterId, String name, String post, boolean voted, boolean self) {
    }
}
