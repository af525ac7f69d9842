package org.mingze.quiz.exam;

import java.util.List;

/**
 * What an organiser fills in to create or change a paper. A FIXED paper uses {@code items} (the questions' current
 * versions are pinned when it is saved); a DRAWN paper uses {@code sections} and {@code drawMode}.
 *
 * @param drawMode for DRAWN papers; ignored (may be null) for FIXED ones
 */
public record PaperDraft(String title, PaperKind kind, DrawMode drawMode, List<FixedItem> items,
                         List<DrawSection> sections) {

    public PaperDraft {
        items = items == null ? List.of() : List.copyOf(items);
        sections = sections == null ? List.of() : List.copyOf(sections);
    }

    public static PaperDraft fixed(String title, List<FixedItem> items) {
        return new PaperDraft(title, PaperKind.FIXED, null, items, List.of());
    }

    public static PaperDraft drawn(String title, DrawMode mode, List<DrawSection> sections) {
        return new PaperDraft(title, PaperKind.DRAWN, mode, List.of(), sections);
    }
}
