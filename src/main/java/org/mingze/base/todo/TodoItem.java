package org.mingze.base.todo;

import java.time.LocalDate;

/**
 * One item on a person's home page (我的待办).
 *
 * @param title  what to do, already in the person's language
 * @param detail a short line under it, or null
 * @param due    the due date, or null when it has none
 * @param link   the route that does it (e.g. "account/password"), or null
 * @param urgent true to highlight it (overdue, or a test that counts)
 */
public record TodoItem(String title, String detail, LocalDate due, String link, boolean urgent) {
}
