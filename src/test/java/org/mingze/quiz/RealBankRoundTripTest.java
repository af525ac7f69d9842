package org.mingze.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mingze.MingzeTest;
import org.mingze.TestData;
import org.mingze.quiz.internal.BankParser;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The real starting bank (content/questions, loaded with the real library by {@code @MingzeTest}) exported through
 * the service and imported back: nothing is created, nothing changes (issue 4: "exported files import back
 * unchanged").
 */
@MingzeTest
class RealBankRoundTripTest {

    private static final List<String> BANKS = new ArrayList<>();
    private static int total;

    @Autowired
    QuestionImportService imports;
    @Autowired
    QuestionService questions;
    @Autowired
    TestData data;

    @BeforeAll
    static void banks() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("content/questions"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                BankParser.Result r = BankParser.parse(f.toString(), Files.readAllBytes(f));
                BANKS.add(r.bank());
                total += r.questions().size();
            }
        }
    }

    @AfterEach
    void signOut() {
        data.signOut();
    }

    @Test
    void the_real_bank_exported_to_xlsx_imports_back_without_a_change() {
        data.signIn("admin");
        QuestionExport export = imports.export(new QuestionSelection(BANKS, QuestionFilter.all()),
                QuestionFormat.XLSX);

        QuestionImportResult r = imports.importFile(export.fileName(), export.content(), null);

        assertThat(export.questions()).isEqualTo(total).isGreaterThanOrEqualTo(200);
        assertThat(export.skipped()).isEmpty();
        assertThat(r.created()).isEmpty();
        assertThat(r.updated()).isEmpty();
        assertThat(r.unchanged()).isEqualTo(total);
    }

    @Test
    void the_real_bank_exported_to_yaml_imports_back_bank_by_bank_without_a_change() throws IOException {
        data.signIn("lihm");
        QuestionExport export = imports.export(new QuestionSelection(BANKS, QuestionFilter.all()),
                QuestionFormat.YAML);

        int unchanged = 0;
        int files = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(export.content()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                QuestionImportResult r = imports.importFile(e.getName(), zip.readAllBytes(), null);
                assertThat(r.created()).as(e.getName()).isEmpty();
                assertThat(r.updated()).as(e.getName()).isEmpty();
                unchanged += r.unchanged();
                files++;
            }
        }
        assertThat(files).isEqualTo(BANKS.size());
        assertThat(unchanged).isEqualTo(total);
    }

    @Test
    void the_real_bank_exported_to_gift_imports_back_without_a_change() {
        data.signIn("lihm");
        QuestionExport export = imports.export(new QuestionSelection(BANKS, QuestionFilter.all()),
                QuestionFormat.GIFT);

        QuestionImportResult r = imports.importFile(export.fileName(), export.content(), null);

        assertThat(r.created()).isEmpty();
        assertThat(r.updated()).isEmpty();
        assertThat(r.unchanged()).isEqualTo(total);
    }
}
