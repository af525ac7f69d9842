package org.mingze.quiz;

import java.util.List;

/**
 * What a successful import did: questions created (new ids included), questions whose content changed (a new
 * version each), and questions the file holds exactly as they are (nothing written).
 */
public record QuestionImportResult(String fileName, QuestionFormat format, List<String> created, List<String> updated,
                                   int unchanged) {

    public QuestionImportResult {
        created = List.copyOf(created);
        updated = List.copyOf(updated);
    }

    public int questions() {
        return created.size() + updated.size() + unchanged;
    }
}
