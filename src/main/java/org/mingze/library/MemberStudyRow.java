package org.mingze.library;

import java.time.LocalDate;

/** One member in an organiser's study records: time in the period, materials marked studied, last study day. */
public record MemberStudyRow(long memberId, String name, String employeeNo, String unitName, long seconds,
                             int studied, LocalDate lastDay) {
}
