package org.mingze.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mingze.library.IndexableMaterial;
import org.mingze.quiz.QuestionType;
import org.mingze.search.SearchFixtures;
import org.mingze.search.SearchRequest;

class SearchIndexTest {

    private static final Analyzers ANALYZERS = TestEngines.ANALYZERS;

    private static void replace(SearchIndex index, IndexableMaterial m) {
        index.replace(SearchFields.TYPE_MATERIAL, m.id(), MaterialDocuments.documents(m, index.facetsConfig()));
    }

    private static long count(SearchIndex index, String q) {
        return new SearchEngine(index).search(SearchRequest.of(q), true).total();
    }

    @Test
    void a_change_is_searchable_within_one_second(@TempDir Path root) {
        try (SearchIndex index = SearchIndex.open(root, ANALYZERS)) {
            long start = System.nanoTime();
            replace(index, SearchFixtures.material("t/nrt", "近实时", "测试", "支部书记带头讲授专题党课"));
            long found = count(index, "专题党课");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(found).isEqualTo(1);
            assertThat(millis).isLessThan(1000);

            start = System.nanoTime();
            index.delete(SearchFields.TYPE_MATERIAL, "t/nrt");
            assertThat(count(index, "专题党课")).isZero();
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000);
        }
    }

    @Test
    void replacing_a_material_replaces_all_of_its_sections(@TempDir Path root) {
        try (SearchIndex index = SearchIndex.open(root, ANALYZERS)) {
            IndexableMaterial two = new IndexableMaterial("t/two", "两节", "测试", List.of(), null, null, false,
                    List.of(new IndexableMaterial.Section("a", "甲", 2, "第一节讲廉政约谈"),
                            new IndexableMaterial.Section("b", "乙", 2, "第二节也讲廉政约谈")));
            replace(index, two);
            assertThat(count(index, "廉政约谈")).isEqualTo(2);
            replace(index, SearchFixtures.material("t/two", "一节", "测试", "只剩一节讲廉政约谈"));
            assertThat(count(index, "廉政约谈")).isEqualTo(1);
            assertThat(index.documentCount()).isEqualTo(1);
        }
    }

    @Test
    void the_index_lives_in_a_folder_named_after_its_format_and_survives_a_restart(@TempDir Path root) {
        try (SearchIndex index = SearchIndex.open(root, ANALYZERS)) {
            assertThat(index.needsRebuild()).as("new and empty").isTrue();
            index.rebuild(SearchFields.TYPE_MATERIAL, SearchFixtures.corpus(),
                    m -> MaterialDocuments.documents(m, index.facetsConfig()), SearchIndex.Progress.NONE);
            assertThat(index.needsRebuild()).isFalse();
            assertThat(index.folder()).isEqualTo(root.resolve("v" + SearchIndex.FORMAT_VERSION));
        }
        try (SearchIndex index = SearchIndex.open(root, ANALYZERS)) {
            assertThat(index.needsRebuild()).isFalse();
            assertThat(count(index, "一案双查")).isEqualTo(1);
            assertThat(index.fingerprints(SearchFields.TYPE_MATERIAL)).hasSize(SearchFixtures.corpus().size());
        }
    }

    @Test
    void a_missing_folder_means_a_rebuild(@TempDir Path root) throws IOException {
        try (SearchIndex index = SearchIndex.open(root, ANALYZERS)) {
            replace(index, SearchFixtures.material("t/a", "甲", "测试", "一岗双责"));
        }
        deleteTree(root.resolve("v" + SearchIndex.FORMAT_VERSION));
        try (SearchIndex index = SearchIndex.open(root, ANALYZERS)) {
            assertThat(index.needsRebuild()).isTrue();
            assertThat(index.documentCount()).isZero();
        }
    }

    @Test
    void a_damaged_index_is_deleted_and_flagged_for_a_rebuild(@TempDir Path root) throws IOException {
        try (SearchIndex index = SearchIndex.open(root, ANALYZERS)) {
            index.rebuild(SearchFields.TYPE_MATERIAL, SearchFixtures.corpus(),
                    m -> MaterialDocuments.documents(m, index.facetsConfig()), SearchIndex.Progress.NONE);
        }
        Path folder = root.resolve("v" + SearchIndex.FORMAT_VERSION);
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> !p.getFileName().toString().equals("write.lock")).toList()) {
                byte[] bytes = Files.readAllBytes(f);
                for (int i = bytes.length / 3; i < bytes.length && i < bytes.length / 3 + 64; i++) {
                    bytes[i] ^= 0x5A;
                }
                Files.write(f, bytes);
            }
        }
        try (SearchIndex index = SearchIndex.open(root, ANALYZERS)) {
            assertThat(index.needsRebuild()).isTrue();
            replace(index, SearchFixtures.material("t/after", "之后", "测试", "重建之后照常可用"));
            assertThat(count(index, "照常可用")).isEqualTo(1);
        }
    }

    @Test
    void the_folder_of_an_older_format_is_deleted(@TempDir Path root) throws IOException {
        Path old = Files.createDirectories(root.resolve("v0"));
        Files.writeString(old.resolve("segments_1"), "old");
        try (SearchIndex index = SearchIndex.open(root, ANALYZERS)) {
            assertThat(old).doesNotExist();
            assertThat(index.needsRebuild()).isTrue();
        }
    }

    @Test
    void another_dictionary_means_a_rebuild(@TempDir Path root) {
        try (SearchIndex index = SearchIndex.open(root, ANALYZERS)) {
            replace(index, SearchFixtures.material("t/a", "甲", "测试", "一岗双责"));
        }
        Analyzers other = new Analyzers(DomainDictionary.of(List.of("廉政档案"), List.of()));
        try (SearchIndex index = SearchIndex.open(root, other)) {
            assertThat(index.needsRebuild()).isTrue();
        }
        try (SearchIndex index = SearchIndex.open(root, ANALYZERS)) {
            assertThat(index.needsRebuild()).as("built with the built-in dictionary").isFalse();
        }
    }

    @Test
    void a_full_rebuild_replaces_every_type_in_one_commit_with_progress_over_all_sources(@TempDir Path root) {
        try (SearchIndex index = SearchIndex.open(root, ANALYZERS)) {
            replace(index, SearchFixtures.material("t/stale", "过时", "测试", "重建后应当消失的资料"));
            index.replace(SearchFields.TYPE_QUESTION, "sq-stale", QuestionDocuments.documents(
                    SearchFixtures.question("sq-stale", QuestionType.JUDGE, "重建后应当消失的题目。", List.of(), "测试",
                            List.of(), false), index.facetsConfig()));
            List<int[]> progress = new java.util.concurrent.CopyOnWriteArrayList<>();
            index.rebuild(List.of(
                    new SearchIndex.Batch<>(SearchFields.TYPE_MATERIAL, SearchFixtures.corpus(),
                            m -> MaterialDocuments.documents(m, index.facetsConfig())),
                    new SearchIndex.Batch<>(SearchFields.TYPE_QUESTION, SearchFixtures.questions(),
                            q -> QuestionDocuments.documents(q, index.facetsConfig()))),
                    (done, total) -> progress.add(new int[] {done, total}));
            int total = SearchFixtures.corpus().size() + SearchFixtures.questions().size();
            assertThat(progress).isNotEmpty().allSatisfy(p -> assertThat(p[1]).isEqualTo(total));
            assertThat(progress.get(progress.size() - 1)[0]).isEqualTo(total);
            assertThat(index.fingerprints(SearchFields.TYPE_MATERIAL)).hasSize(SearchFixtures.corpus().size())
                    .doesNotContainKey("t/stale");
            assertThat(index.fingerprints(SearchFields.TYPE_QUESTION)).containsOnlyKeys("sq-001", "sq-002", "sq-003",
                    "sq-004");

            // rebuilding one type leaves the other alone
            index.rebuild(SearchFields.TYPE_QUESTION, List.of(), q -> List.of(), SearchIndex.Progress.NONE);
            assertThat(index.fingerprints(SearchFields.TYPE_QUESTION)).isEmpty();
            assertThat(index.fingerprints(SearchFields.TYPE_MATERIAL)).hasSize(SearchFixtures.corpus().size());
        }
    }

    @Test
    void a_locked_folder_falls_back_to_an_index_in_memory(@TempDir Path root) {
        try (SearchIndex first = SearchIndex.open(root, ANALYZERS);
             SearchIndex second = SearchIndex.open(root, ANALYZERS)) {
            assertThat(first.folder()).isNotNull();
            assertThat(second.folder()).isNull();
            replace(second, SearchFixtures.material("t/m", "内存", "测试", "主题党日"));
            assertThat(count(second, "主题党日")).isEqualTo(1);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
