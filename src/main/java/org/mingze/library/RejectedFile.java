package org.mingze.library;

/** A file under content/materials that was not loaded: where and why, in the reader's language. */
public record RejectedFile(String file, int line, String message) {
    /** {@code content/materials/a.md:4: message}. */
    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
