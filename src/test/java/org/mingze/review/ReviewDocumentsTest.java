package org.mingze.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mingze.MingzeTest;
import org.mingze.TestData;
import org.mingze.base.audit.AuditLog;
import org.mingze.base.audit.AuditQuery;
import org.mingze.base.security.Role;
import org.mingze.library.MutableClock;
import org.mingze.quiz.exam.AttemptService;
import org.mingze.quiz.exam.ExamTest;
import org.mingze.review.ReviewBatches.Setup;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** A batch's summary export (.xlsx) and a candidate's result sheet as a PDF with the Chinese text embedded. */
@MingzeTest
@ExamTest
class ReviewDocumentsTest {

    @Autowired
    ReviewService reviews;
    @Autowired
    SheetService sheets;
    @Autowired
    AttemptService attempts;
    @Autowired
    AuditLog audit;
    @Autowired
    TestData data;
    @Autowired
    MutableClock clock;

    @AfterEach
    void reset() {
        clock.reset();
        data.signOut();
    }

    /** Three candidates; the first fails the test. */
    private Setup batch() {
        Setup s = ReviewBatches.create(data, reviews, clock, 3);
        ReviewBatches.failOnce(data, attempts, s.learners().get(0), s.batch().examId());
        return s;
    }

    private long auditCount(String action, String type, long id) {
        data.signIn("guolx");
        long n = audit.search(new AuditQuery(null, action, type, String.valueOf(id), null, null), 0, 20)
                .getTotalElements();
        data.signOut();
        return n;
    }

    @Test
    void the_export_has_the_count_per_outcome_and_every_candidate_with_outcome_and_score_and_is_audited()
            throws Exception {
        Setup s = batch();
        data.signIn(s.organiser());
        BatchRow b = reviews.batch(s.batch().id());
        assertThat(b.byState()).containsEntry(CandidateState.DEFERRED, 1).containsEntry(CandidateState.PENDING, 2);
        byte[] xlsx = reviews.exportXlsx(s.batch().id(), Locale.SIMPLIFIED_CHINESE);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sum = wb.getSheet("汇总");
            assertThat(sum.getRow(0).getCell(1).getStringCellValue()).isEqualTo(s.batch().name());
            boolean deferred = false;
            for (var row : sum) {
                if (row.getCell(0) != null && "暂缓".equals(row.getCell(0).getStringCellValue())) {
                    assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(1);
                    deferred = true;
                }
            }
            assertThat(deferred).isTrue();
            Sheet list = wb.getSheet("名单");
            assertThat(list.getLastRowNum()).isEqualTo(3);
            assertThat(list.getRow(0).getCell(0).getStringCellValue()).isEqualTo("警号");
            var first = list.getRow(1);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo(s.learners().get(0));
            assertThat(first.getCell(4).getStringCellValue()).isEqualTo("城关派出所所长");
            assertThat(first.getCell(5).getStringCellValue()).isEqualTo("暂缓");
            assertThat(first.getCell(6).getNumericCellValue()).isZero();
            assertThat(list.getRow(2).getCell(5).getStringCellValue()).isEqualTo("待测试");
        }
        assertThat(auditCount("REVIEW_EXPORT", "review-batch", s.batch().id())).isEqualTo(1);

        data.signIn(data.account(data.branch(), Role.ORGANIZER).getUsername());
        assertThatThrownBy(() -> reviews.exportXlsx(s.batch().id(), Locale.SIMPLIFIED_CHINESE))
                .isInstanceOf(AccessDeniedException.class);
        data.signIn(s.learners().get(1));
        assertThatThrownBy(() -> reviews.exportXlsx(s.batch().id(), Locale.SIMPLIFIED_CHINESE))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_sheet_pdf_carries_name_score_outcome_code_and_signature_lines_in_an_embedded_chinese_font()
            throws Exception {
        Setup s = batch();
        data.signIn(s.learners().get(0));
        long candidateId = reviews.mine().get(0).id();
        ResultSheet sheet = sheets.sheet(candidateId);
        byte[] pdf = sheets.sheetPdf(candidateId, "https://mingze.example", Locale.SIMPLIFIED_CHINESE);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(text).contains("干部任免考核主体责任知识测试结果单", sheet.name(), "城关派出所所长", "0/100", "80%",
                    "暂缓", sheet.groupedCode(), "考核对象签字", "组织人事部门（盖章）",
                    "https://mingze.example/verify/" + sheet.code());
            boolean qr = false;
            for (PDPage page : doc.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont f = page.getResources().getFont(name);
                    assertThat(f.isEmbedded()).as(f.getName()).isTrue();
                    assertThat(f.getName()).contains("NotoSansSC");
                }
                qr |= page.getResources().getXObjectNames().iterator().hasNext();
            }
            assertThat(qr).as("the QR code image").isTrue();
        }
        assertThat(auditCount("REVIEW_SHEET_PDF", "review-sheet", candidateId)).isEqualTo(1);
        assertThat(sheets.verify(sheet.code())).as("the printed code verifies").isPresent();

        data.signIn(s.learners().get(1));
        assertThatThrownBy(() -> sheets.sheetPdf(candidateId, "https://mingze.example", Locale.SIMPLIFIED_CHINESE))
                .as("another candidate's sheet").isInstanceOf(AccessDeniedException.class);
    }
}
