package org.mingze.schedule;

import java.util.List;
import java.util.Map;

/**
 * An annual study plan (年度学习计划) from {@code content/plans/*.yaml}: a topic and reading per month, copied into a
 * series of sessions and edited there.
 */
public record PlanTemplate(String id, String title, SessionType type, Map<Integer, Month> months) {

    public record Month(String topic, List<String> materialIds) {
    }
}
