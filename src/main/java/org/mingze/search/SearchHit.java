package org.mingze.search;

import java.time.LocalDate;
import java.util.List;

/**
 * One hit: a section of a material (type {@code material}) or a question (type {@code question}).
 *
 * @param id           {@code materialId#anchor} (the material id alone for the part before its first heading), or
 *                     the question id
 * @param sourceId     the material's id, or the question id
 * @param title        the material's title, or the question's stem shortened
 * @param heading      the section's heading, or the question's bank
 * @param anchor       the section's anchor; empty for a question
 * @param url          app-relative link: the section in the reader ({@code library/read/<material id>#<anchor>}),
 *                     or the question in the bank editor ({@code quiz/questions/<id>})
 * @param date         the material's date, or the day the question last changed
 * @param snippet      HTML: the text is escaped, matches are wrapped in {@code <mark>}; a question's snippet comes
 *                     from its stem and options only, never from its answer or explanation
 * @param archived     an archived material or a retired question (only administrators find these)
 * @param questionType a question's type code ({@code single}, {@code multiple}, {@code judge}, {@code fill},
 *                     {@code essay}); null for a material
 */
public record SearchHit(String id, String type, String sourceId, String title, String heading, String anchor,
                        String url, String category, List<String> tags, LocalDate date, String snippet, float score,
                        boolean archived, String questionType) {

    public static final String MATERIAL = "material";
    public static final String QUESTION = "question";

    public boolean isQuestion() {
        return QUESTION.equals(type);
    }
}
