package org.mingze.quiz;

import java.util.Locale;
import java.util.Optional;

/**
 * The file formats of bulk import and export (issue 4 §2): Excel (.xlsx, the template's layout), YAML (the bank
 * files of content-format.md), and Moodle's Aiken (single choice only) and GIFT text formats.
 */
public enum QuestionFormat {
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    YAML("yaml", "application/yaml"),
    AIKEN("txt", "text/plain;charset=UTF-8"),
    GIFT("gift", "text/plain;charset=UTF-8");

    private final String extension;
    private final String contentType;

    QuestionFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    /** The file name extension an export gets, without the dot. */
    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    /**
     * The format of a file by its name: .xlsx, .yaml or .yml, .txt (Aiken) or .gift; empty for any other name
     * (.xls included: it must be saved as .xlsx first).
     */
    public static Optional<QuestionFormat> ofFileName(String fileName) {
        String name = fileName == null ? "" : fileName.strip().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx")) {
            return Optional.of(XLSX);
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return Optional.of(YAML);
        }
        if (name.endsWith(".txt")) {
            return Optional.of(AIKEN);
        }
        if (name.endsWith(".gift")) {
            return Optional.of(GIFT);
        }
        return Optional.empty();
    }
}
