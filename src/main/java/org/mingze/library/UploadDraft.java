package org.mingze.library;

/**
 * The text extracted from an uploaded file, as a Markdown body, with the fields suggested by the file (its title,
 * or an uploaded .md file's own front matter). Nothing is stored until {@link LibraryService#publish} is called.
 *
 * @param headings how many {@code ##}/{@code ###} headings the text has (its table of contents)
 */
public record UploadDraft(String fileName, String body, MaterialMeta suggested, int headings) {
}
