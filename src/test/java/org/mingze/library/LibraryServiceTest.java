package org.mingze.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mingze.MingzeTest;
import org.mingze.base.audit.AuditLog;
import org.mingze.base.audit.AuditQuery;
import org.mingze.base.audit.AuditRecord;
import org.mingze.library.internal.LibraryContent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

@MingzeTest
@LibraryTest
class LibraryServiceTest {

    @Autowired
    LibraryService library;
    @Autowired
    LibraryContent content;
    @Autowired
    MaterialSource source;
    @Autowired
    AuditLog audit;
    @Autowired
    UserDetailsService users;
    @Autowired
    LibraryTestConfig.Recorder recorder;

    @BeforeEach
    void fixtures() {
        LibraryFixtures.install(content);
    }

    @AfterEach
    void signOut() {
        Login.out();
    }

    private List<AuditRecord> audited(String action) {
        Login.as(users, "admin");
        return audit.search(new AuditQuery(null, action, null, null, null, null), 0, 50).getContent();
    }

    @Test
    void good_files_load_and_administrators_see_each_rejected_file_with_line_and_reason() {
        Login.as(users, "admin");
        assertThat(library.materials()).extracting(MaterialCard::id)
                .containsExactlyInAnyOrder("zhuti/diyi-zeren", "zhuti/yigang-shuangze", "zhidu/sanhui-yike");
        List<String> rejected = library.rejectedFiles(Locale.SIMPLIFIED_CHINESE).stream().map(RejectedFile::toString)
                .toList();
        assertThat(rejected).containsExactly(
                "library-test-content/materials/bad/bad-date.md:4: date \"2024-13-01\" 不是 YYYY-MM-DD 格式的有效日期，应写成如 2024-05-01。",
                "library-test-content/materials/dup/a.md:1: id \"dup/same\" 与 library-test-content/materials/dup/b.md 重复，这些文件都未加载。请修改其中一个的 id 或文件名。",
                "library-test-content/materials/dup/b.md:1: id \"dup/same\" 与 library-test-content/materials/dup/a.md 重复，这些文件都未加载。请修改其中一个的 id 或文件名。");
        assertThat(library.rejectedFiles(Locale.ENGLISH).get(0).message()).isEqualTo(
                "date \"2024-13-01\" is not YYYY-MM-DD (a valid date such as 2024-05-01).");
    }

    @Test
    void only_administrators_see_rejected_files_and_reload() {
        Login.as(users, "zhouxy");
        assertThatThrownBy(() -> library.rejectedFiles(Locale.CHINESE)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> library.reload()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void an_archived_material_is_visible_only_to_administrators_and_flagged_for_search() {
        String id = "zhidu/sanhui-yike";
        Login.as(users, "admin");
        recorder.clear();
        library.archive(id);
        try {
            assertThat(library.materials()).filteredOn(m -> m.id().equals(id)).singleElement()
                    .satisfies(m -> assertThat(m.archived()).isTrue());
            assertThat(library.read(id)).isPresent();
            assertThat(source.find(id)).get().satisfies(m -> assertThat(m.archived()).isTrue());
            assertThat(recorder.events()).anySatisfy(e -> assertThat(e.changed()).contains(id));
            for (String who : List.of("wangzh", "lihm", "zhouxy", "guolx")) {
                Login.as(users, who);
                assertThat(library.materials()).as(who).extracting(MaterialCard::id).doesNotContain(id)
                        .contains("zhuti/diyi-zeren");
                assertThat(library.read(id)).as(who).isEmpty();
            }
            assertThat(audited("MATERIAL_ARCHIVE")).anySatisfy(r -> {
                assertThat(r.objectId()).isEqualTo(id);
                assertThat(r.actor()).isEqualTo("admin");
            });
        } finally {
            Login.as(users, "admin");
            library.restore(id);
        }
        Login.as(users, "wangzh");
        assertThat(library.read(id)).isPresent();
        assertThat(source.find(id)).get().satisfies(m -> assertThat(m.archived()).isFalse());
        assertThat(audited("MATERIAL_RESTORE")).anySatisfy(r -> assertThat(r.objectId()).isEqualTo(id));
    }

    @Test
    void a_learner_or_an_organiser_cannot_archive_and_a_learner_cannot_upload() {
        Login.as(users, "lihm");
        assertThatThrownBy(() -> library.archive("zhidu/sanhui-yike")).isInstanceOf(AccessDeniedException.class);
        Login.as(users, "wangzh");
        assertThatThrownBy(() -> library.archive("zhidu/sanhui-yike")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> library.extract("a.txt", "正文".getBytes())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> library.publish(new UploadDraft("a.txt", "正文", null, 0),
                new MaterialMeta("t", "c", List.of(), null, null, null))).isInstanceOf(AccessDeniedException.class);
        assertThat(LibraryFixtures.uploads()).isEmpty();
    }

    @Test
    void a_reload_is_audited_with_its_counts_and_announces_every_material() {
        Login.as(users, "admin");
        recorder.clear();
        ReloadResult r = library.reload();
        assertThat(recorder.events()).anySatisfy(e -> assertThat(e.changed()).containsExactlyInAnyOrder(
                "zhuti/diyi-zeren", "zhuti/yigang-shuangze", "zhidu/sanhui-yike"));
        assertThat(r.loaded()).isEqualTo(3);
        assertThat(r.rejected()).isEqualTo(3);
        assertThat(r.changed()).as("nothing changed since the fixtures were loaded").isZero();
        assertThat(audited("CONTENT_RELOAD")).first().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("admin");
            assertThat(e.detail()).startsWith("manual: loaded 3, rejected files 3, changed 0, removed 0");
        });
    }

    @Test
    void the_reader_gets_sanitised_html_contents_and_neighbours_in_the_same_category() {
        Login.as(users, "wangzh");
        MaterialPage page = library.read("zhuti/diyi-zeren").orElseThrow();
        assertThat(page.toc()).extracting(TocEntry::anchor).containsExactly("一什么是第一责任人", "一管班子带队伍",
                "二怎样履行", "二怎样履行-2");
        assertThat(page.previous()).isNull();
        assertThat(page.next().id()).isEqualTo("zhuti/yigang-shuangze");
        MaterialPage other = library.read("zhuti/yigang-shuangze").orElseThrow();
        assertThat(other.previous().id()).isEqualTo("zhuti/diyi-zeren");
        assertThat(other.next()).isNull();
        MaterialPage alone = library.read("zhidu/sanhui-yike").orElseThrow();
        assertThat(alone.previous()).isNull();
        assertThat(alone.next()).isNull();
        assertThat(page.html()).contains("<table>").contains("href=\"library/read/zhuti/yigang-shuangze\"");
        assertThat(library.read("no/such")).isEmpty();
    }
}
