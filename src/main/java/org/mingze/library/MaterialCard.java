package org.mingze.library;

import java.time.LocalDate;
import java.util.List;

/**
 * A material as the library list shows it.
 *
 * @param minutes  expected reading time
 * @param archived hidden from everyone but administrators (who are the only ones to see such cards)
 * @param studied  the signed-in person has completed it (a passed check quiz, or a confirmed reading)
 * @param uploaded uploaded through the app, so its metadata can be edited in the app
 */
public record MaterialCard(String id, String title, String category, List<String> tags, LocalDate date,
                           String summary, int minutes, boolean archived, boolean studied, boolean uploaded) {
}
