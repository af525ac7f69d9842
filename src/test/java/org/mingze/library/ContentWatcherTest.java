package org.mingze.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mingze.MingzeTest;
import org.mingze.TestData;
import org.mingze.library.internal.LibraryContent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The content folder is watched: what is written, changed or deleted there shows within seconds, untouched. */
@MingzeTest
@LibraryTest
class ContentWatcherTest {

    private static final Duration WITHIN = Duration.ofSeconds(10);

    @Autowired
    LibraryContent content;
    @Autowired
    MaterialSource source;
    @Autowired
    LibraryService library;
    @Autowired
    UserDetailsService users;
    @Autowired
    LibraryTestConfig.Recorder recorder;

    @BeforeEach
    void fixtures() {
        LibraryFixtures.install(content);
        recorder.clear();
    }

    @AfterEach
    void signOut() {
        Login.out();
    }

    @Test
    void a_new_file_appears_within_seconds_and_is_announced() {
        String id = "watch/new-" + TestData.next();
        LibraryFixtures.write(id + ".md", "---\ntitle: 新资料\ncategory: 学习辅导\n---\n## 一节\n正文。\n");

        await().pollInSameThread().atMost(WITHIN).untilAsserted(() -> assertThat(source.find(id)).isPresent());
        assertThat(source.find(id).get().title()).isEqualTo("新资料");
        await().pollInSameThread().atMost(WITHIN).untilAsserted(() -> assertThat(recorder.events())
                .anySatisfy(e -> assertThat(e.changed()).contains(id)));
    }

    @Test
    void a_changed_file_is_read_again_and_a_deleted_file_disappears() throws IOException {
        String id = "watch/change-" + TestData.next();
        LibraryFixtures.write(id + ".md", "---\ntitle: 第一版\ncategory: 学习辅导\n---\n正文。\n");
        await().pollInSameThread().atMost(WITHIN).untilAsserted(() -> assertThat(source.find(id)).isPresent());

        LibraryFixtures.write(id + ".md", "---\ntitle: 第二版\ncategory: 学习辅导\n---\n正文。\n");
        await().pollInSameThread().atMost(WITHIN).untilAsserted(() -> assertThat(source.find(id).map(IndexableMaterial::title))
                .contains("第二版"));

        recorder.clear();
        Files.delete(LibraryFixtures.MATERIALS.resolve(id + ".md"));
        await().pollInSameThread().atMost(WITHIN).untilAsserted(() -> assertThat(source.find(id)).isEmpty());
        await().pollInSameThread().atMost(WITHIN).untilAsserted(() -> assertThat(recorder.events())
                .anySatisfy(e -> assertThat(e.removed()).contains(id)));
    }

    @Test
    void a_file_in_a_new_folder_is_watched_too_and_a_broken_file_is_listed_not_loaded() {
        String folder = "deep-" + TestData.next();
        LibraryFixtures.write(folder + "/inner/ok.md", "---\ntitle: 深处\ncategory: 学习辅导\n---\n");
        await().pollInSameThread().atMost(WITHIN).untilAsserted(() -> assertThat(source.find(folder + "/inner/ok")).isPresent());

        LibraryFixtures.write(folder + "/inner/broken.md", "---\ntitle: 坏\n---\n");
        Login.as(users, "admin");
        await().pollInSameThread().atMost(WITHIN).untilAsserted(() -> assertThat(library.rejectedFiles(Locale.CHINESE))
                .anySatisfy(r -> assertThat(r.toString()).isEqualTo("library-test-content/materials/" + folder
                        + "/inner/broken.md:1: 缺少必填字段 category，请在 front matter 中补上一行“category: …”。")));
        assertThat(source.find(folder + "/inner/ok")).isPresent();
    }
}
