package org.mingze.schedule;

import java.time.Instant;

/** A test of purpose theme-day quiz (主题党日知识竞答) whose audience covers a unit, for the session form. */
public record QuizChoice(long examId, String title, Instant opensAt, Instant closesAt) {
}
