package org.mingze.base.ledger;

import java.time.LocalDate;

/**
 * One line of an official's ledger (考核台帐).
 *
 * @param section the part of the ledger it belongs to
 * @param day     the day it happened (or was decided)
 * @param title   what it was, already in the reader's language (e.g. the test's or session's name)
 * @param detail  a short line with the facts (score, minutes, post ...), or null
 * @param outcome the result in a word or two (测试合格, 出席, 已完成 ...), or null
 * @param link    the route that shows it in Mingze (e.g. "exams/result/12"), or null
 */
public record LedgerEntry(LedgerSection section, LocalDate day, String title, String detail, String outcome,
        String link) {
}
