package org.mingze.library.internal;

import java.time.LocalDate;
import java.util.List;
import org.mingze.library.IndexableMaterial;
import org.mingze.library.TocEntry;

/**
 * A loaded material, immutable: front matter, safe HTML, table of contents and plain-text sections.
 *
 * @param relPath  the file's path under content/materials, with "/" separators
 * @param file     the file as people know it, e.g. "content/materials/zhuti/a.md"
 * @param minutes  expected reading time: from the front matter, else from the length
 * @param hash     SHA-256 of the file's bytes, to tell a changed file from a touched one
 */
public record Material(String id, String relPath, String file, String title, String category, List<String> tags,
                       String source, LocalDate date, String summary, int minutes, String html, List<TocEntry> toc,
                       List<IndexableMaterial.Section> sections, String hash) {

    /** Uploaded through the app (and so editable in it), as opposed to maintained in content/ by hand. */
    public static final String UPLOADS = "uploads/";

    public boolean uploaded() {
        return relPath.startsWith(UPLOADS);
    }

    public IndexableMaterial indexable(boolean archived) {
        return new IndexableMaterial(id, title, category, tags, date, summary, archived, sections);
    }
}
