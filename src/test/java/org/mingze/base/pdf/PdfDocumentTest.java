package org.mingze.base.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The shared PDF helper: Chinese text comes back out as written, in an embedded subset of Noto Sans SC. */
class PdfDocumentTest {

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", ""); // lines wrap anywhere
        }
    }

    /** The fonts used on the pages: name and whether the font program is in the file. */
    static List<String> fonts(byte[] pdf) throws IOException {
        List<String> found = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont f = page.getResources().getFont(name);
                    found.add(f.getName() + (f.isEmbedded() ? " embedded" : " NOT embedded"));
                }
            }
        }
        return found;
    }

    @Test
    void chinese_title_rows_table_paragraph_and_signatures_are_extractable_in_an_embedded_subset_font()
            throws IOException {
        byte[] pdf = PdfDocument.a4("会议记录表", "城关派出所党支部")
                .rows(List.of(PdfDocument.row("主题", "一岗双责与责任清单"), PdfDocument.row("出席", "应到 12 人，实到 11 人")))
                .heading("会议记录")
                .paragraph("一、传达学习《党委（党组）落实全面从严治党主体责任规定》。\n二、讨论本支部责任清单。")
                .table(List.of("姓名", "状态"), List.of(List.of("王振华", "请假"), List.of("李红梅", "出席")), 2, 1)
                .signatures("记录人（签字）：", "主持人（签字）：")
                .toBytes();

        String text = text(pdf);
        assertThat(text).contains("会议记录表", "一岗双责与责任清单", "应到12人，实到11人", "王振华", "请假",
                "全面从严治党主体责任规定", "讨论本支部责任清单", "主持人（签字）");
        assertThat(fonts(pdf)).isNotEmpty().allSatisfy(f -> assertThat(f).contains("NotoSansSC").endsWith(" embedded"));
        assertThat(pdf.length).as("a subset, not the 10 MB font").isLessThan(200_000);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("会议记录表");
        }
    }
}
