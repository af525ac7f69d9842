package org.mingze.library.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogTest {

    @TempDir
    Path dir;

    private Catalog catalog() {
        return new Catalog(dir.resolve("content").toString());
    }

    private void write(String rel, String text) throws IOException {
        Path p = dir.resolve("content/materials").resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @Test
    void a_bad_file_is_rejected_alone_and_every_other_file_loads() throws IOException {
        write("a.md", "---\ntitle: a\ncategory: c\n---\n正文\n");
        write("sub/b.md", "---\ntitle: b\ncategory: c\ndate: 2024-13-01\n---\n正文\n");
        write("sub/c.md", "---\ntitle: c\ncategory: c\n---\n正文\n");
        Catalog.Snapshot s = catalog().scan(Instant.now());
        assertThat(s.byId().keySet()).containsExactly("a", "sub/c");
        assertThat(s.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("content/materials/sub/b.md");
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.key()).isEqualTo("library.error.date");
        });
    }

    @Test
    void files_sharing_an_id_are_all_rejected_and_each_names_the_others() throws IOException {
        write("x/a.md", "---\ntitle: a\ncategory: c\nid: same\n---\n");
        write("y/b.md", "---\ntitle: b\ncategory: c\nid: same\n---\n");
        write("same.md", "---\ntitle: s\ncategory: c\n---\n");
        write("ok.md", "---\ntitle: ok\ncategory: c\n---\n");
        Catalog.Snapshot s = catalog().scan(Instant.now());
        assertThat(s.byId().keySet()).containsExactly("ok");
        assertThat(s.problems()).extracting(LoadProblem::file).containsExactly("content/materials/same.md",
                "content/materials/x/a.md", "content/materials/y/b.md");
        assertThat(s.problems()).allSatisfy(p -> assertThat(p.key()).isEqualTo("library.error.duplicate-id"));
        assertThat(s.problems().get(1).args().get(1).toString()).contains("content/materials/same.md")
                .contains("content/materials/y/b.md");
    }

    @Test
    void a_missing_folder_is_an_empty_library_not_an_error() {
        Catalog.Snapshot s = catalog().scan(Instant.now());
        assertThat(s.byId()).isEmpty();
        assertThat(s.problems()).isEmpty();
    }

    @Test
    void hidden_files_and_other_extensions_are_ignored() throws IOException {
        write(".a.md.tmp", "x");
        write(".git/x.md", "x");
        write("notes.txt", "x");
        write("ok.MD", "---\ntitle: ok\ncategory: c\n---\n");
        Catalog.Snapshot s = catalog().scan(Instant.now());
        assertThat(s.byId().keySet()).containsExactly("ok");
        assertThat(s.problems()).isEmpty();
    }
}
