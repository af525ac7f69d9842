package org.mingze.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mingze.MingzeTest;
import org.mingze.base.audit.AuditLog;
import org.mingze.base.audit.AuditQuery;
import org.mingze.base.validation.ValidationException;
import org.mingze.library.internal.LibraryContent;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

@MingzeTest
@LibraryTest
class UploadTest {

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
        Login.as(users, "lihm"); // organiser of 城关派出所党支部
    }

    @AfterEach
    void signOut() {
        Login.out();
    }

    // --- files to upload ---------------------------------------------------------------------------------------

    static byte[] docx() throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var styles = doc.createStyles();
            for (int level = 1; level <= 2; level++) {
                CTStyle ct = CTStyle.Factory.newInstance();
                ct.setStyleId("Heading" + level);
                ct.setType(STStyleType.PARAGRAPH);
                ct.addNewName().setVal("heading " + level);
                styles.addStyle(new XWPFStyle(ct));
            }
            CTStyle title = CTStyle.Factory.newInstance();
            title.setStyleId("Title");
            title.setType(STStyleType.PARAGRAPH);
            title.addNewName().setVal("Title");
            styles.addStyle(new XWPFStyle(title));
            paragraph(doc, "Title", "关于落实主体责任的通知");
            paragraph(doc, null, "各支部：现将有关事项通知如下。");
            paragraph(doc, "Heading1", "一、提高认识");
            paragraph(doc, null, "主体责任是*政治责任*。");
            paragraph(doc, "Heading2", "（一）书记带头");
            paragraph(doc, null, "书记要亲自抓。");
            XWPFTable table = doc.createTable(2, 2);
            table.getRow(0).getCell(0).setText("事项");
            table.getRow(0).getCell(1).setText("时间");
            table.getRow(1).getCell(0).setText("专题|会议");
            table.getRow(1).getCell(1).setText("每季度");
            doc.write(out);
            return out.toByteArray();
        }
    }

    private static void paragraph(XWPFDocument doc, String style, String text) {
        XWPFParagraph p = doc.createParagraph();
        if (style != null) {
            p.setStyle(style);
        }
        p.createRun().setText(text);
    }

    static byte[] pdf(String text, boolean encrypted) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(72, 700);
                cs.showText(text);
                cs.endText();
            }
            if (encrypted) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret",
                        new AccessPermission());
                policy.setEncryptionKeyLength(128);
                doc.protect(policy);
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    static byte[] encryptedDocx() throws Exception {
        byte[] plain = docx();
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor enc = info.getEncryptor();
            enc.confirmPassword("secret");
            try (OutputStream os = enc.getDataStream(fs)) {
                os.write(plain);
            }
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    private long uploadsAudited() {
        return audited("MATERIAL_UPLOAD");
    }

    private long audited(String action) {
        Login.as(users, "admin");
        long n = audit.count(new AuditQuery(null, action, null, null, null, null));
        Login.as(users, "lihm");
        return n;
    }

    private void assertRefused(String fileName, byte[] data, String key) {
        long audited = uploadsAudited();
        long refusals = audited("MATERIAL_UPLOAD_REJECTED");
        int loaded = source.all().size();
        assertThatThrownBy(() -> library.extract(fileName, data)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("file");
                    assertThat(p.key()).isEqualTo(key);
                    assertThat(p.args()).first().isEqualTo(fileName);
                }));
        assertThat(LibraryFixtures.uploads()).as("files stored").isEmpty();
        assertThat(source.all()).hasSize(loaded);
        assertThat(uploadsAudited()).isEqualTo(audited);
        assertThat(audited("MATERIAL_UPLOAD_REJECTED")).as("the refusal is in the audit log").isEqualTo(refusals + 1);
    }

    // --- tests ---------------------------------------------------------------------------------------------------

    @Test
    void word_headings_become_level_2_and_3_headings_and_the_title_style_the_suggested_title() throws IOException {
        UploadDraft draft = library.extract("通知.docx", docx());
        assertThat(draft.suggested().title()).isEqualTo("关于落实主体责任的通知");
        assertThat(draft.headings()).isEqualTo(2);
        assertThat(draft.body()).isEqualTo("""
                各支部：现将有关事项通知如下。

                ## 一、提高认识

                主体责任是\\*政治责任\\*。

                ### （一）书记带头

                书记要亲自抓。

                | 事项 | 时间 |
                | --- | --- |
                | 专题\\|会议 | 每季度 |
                """);
    }

    @Test
    void a_word_file_whose_only_heading_1_opens_it_takes_that_heading_as_its_title() throws IOException {
        byte[] data;
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var styles = doc.createStyles();
            for (int level = 1; level <= 2; level++) {
                CTStyle ct = CTStyle.Factory.newInstance();
                ct.setStyleId("Heading" + level);
                ct.setType(STStyleType.PARAGRAPH);
                ct.addNewName().setVal("heading " + level);
                styles.addStyle(new XWPFStyle(ct));
            }
            paragraph(doc, "Heading1", "提醒督办函办理规范");
            paragraph(doc, "Heading2", "一、回执");
            paragraph(doc, null, "收到督办函后在规定时限内书面回复。");
            doc.write(out);
            data = out.toByteArray();
        }
        UploadDraft draft = library.extract("upload.docx", data);
        assertThat(draft.suggested().title()).isEqualTo("提醒督办函办理规范");
        assertThat(draft.body()).isEqualTo("""
                ## 一、回执

                收到督办函后在规定时限内书面回复。
                """);
    }

    @Test
    void an_encrypted_pdf_is_refused_and_nothing_is_stored() throws IOException {
        assertRefused("加密.pdf", pdf("secret text", true), "library.upload.error.encrypted");
    }

    @Test
    void a_password_protected_docx_is_refused_and_nothing_is_stored() throws Exception {
        assertRefused("加密.docx", encryptedDocx(), "library.upload.error.encrypted");
    }

    @Test
    void empty_unreadable_and_unsupported_files_are_refused_and_nothing_is_stored() throws IOException {
        assertRefused("空.txt", "  \n\u3000\u3000\n\n".getBytes(StandardCharsets.UTF_8), "library.upload.error.empty");
        assertRefused("零.txt", new byte[0], "library.upload.error.empty");
        assertRefused("坏.docx", "not a zip".getBytes(StandardCharsets.UTF_8), "library.upload.error.unreadable");
        assertRefused("坏.pdf", "%PDF-1.4 broken".getBytes(StandardCharsets.UTF_8), "library.upload.error.unreadable");
        assertRefused("图.png", new byte[] {1, 2, 3}, "library.upload.error.type");
        assertRefused("大.txt", new byte[20 * 1024 * 1024 + 1], "library.upload.error.too-large");
    }

    @Test
    void a_pdf_with_text_is_extracted() throws IOException {
        UploadDraft draft = library.extract("report.pdf", pdf("Strict governance report 2024", false));
        assertThat(draft.body()).contains("Strict governance report 2024");
        assertThat(draft.suggested().title()).isEqualTo("report");
    }

    @Test
    void a_chinese_text_file_in_gbk_keeps_its_text_and_numbered_lines_become_headings() {
        String text = "\u3000\u3000一、总体要求\r\n坚持党要管党。\r\n（一）压实责任\r\n# 不是标题\r\n";
        UploadDraft draft = library.extract("要求.txt", text.getBytes(Charset.forName("GBK")));
        assertThat(draft.body()).isEqualTo("## 一、总体要求\n\n坚持党要管党。\n\n### （一）压实责任\n\n\\# 不是标题\n");
    }

    @Test
    void a_published_upload_is_written_as_markdown_loaded_announced_and_audited() throws IOException {
        recorder.clear();
        UploadDraft draft = library.extract("通知.docx", docx());
        String id = library.publish(draft, new MaterialMeta(" 关于落实主体责任的通知 ", "通知文件",
                List.of("主体责任", " ", "主体责任"), "市局党委", LocalDate.of(2024, 3, 1), "一句话"));

        assertThat(id).isEqualTo("uploads/关于落实主体责任的通知");
        Path file = LibraryFixtures.MATERIALS.resolve("uploads/关于落实主体责任的通知.md");
        String written = Files.readString(file);
        assertThat(written).startsWith("---\ntitle: 关于落实主体责任的通知\ncategory: 通知文件\ntags:\n- 主体责任\n"
                + "source: 市局党委\ndate: '2024-03-01'\nsummary: 一句话\nid: uploads/关于落实主体责任的通知\n---\n"
                + "各支部：");
        IndexableMaterial m = source.find(id).orElseThrow();
        assertThat(m.title()).isEqualTo("关于落实主体责任的通知");
        assertThat(m.sections()).extracting(IndexableMaterial.Section::anchor).containsExactly("", "一提高认识",
                "一书记带头");
        assertThat(recorder.events()).anySatisfy(e -> assertThat(e.changed()).contains(id));
        Login.as(users, "admin");
        assertThat(audit.search(new AuditQuery(null, "MATERIAL_UPLOAD", null, id, null, null), 0, 5).getContent())
                .singleElement().satisfies(r -> {
                    assertThat(r.actor()).isEqualTo("lihm");
                    assertThat(r.detail()).contains("通知.docx");
                });

        // a second upload with the same title gets its own file
        Login.as(users, "lihm");
        String second = library.publish(library.extract("b.txt", "正文".getBytes(StandardCharsets.UTF_8)),
                new MaterialMeta("关于落实主体责任的通知", "通知文件", List.of(), null, null, null));
        assertThat(second).isEqualTo("uploads/关于落实主体责任的通知-2");
    }

    @Test
    void the_fields_of_an_upload_can_be_edited_and_its_text_stays() {
        String id = library.publish(library.extract("a.md", "---\ntitle: 原标题\ncategory: 学习辅导\n---\n## 一节\n正文。\n"
                .getBytes(StandardCharsets.UTF_8)), new MaterialMeta("原标题", "学习辅导", List.of(), null, null, null));
        recorder.clear();
        library.updateMeta(id, new MaterialMeta("新标题", "制度规定", List.of("三会一课"), "支部", null, null));

        IndexableMaterial m = source.find(id).orElseThrow();
        assertThat(m.title()).isEqualTo("新标题");
        assertThat(m.category()).isEqualTo("制度规定");
        assertThat(m.tags()).containsExactly("三会一课");
        assertThat(m.sections()).singleElement().satisfies(s -> assertThat(s.text()).isEqualTo("正文。"));
        assertThat(recorder.events()).anySatisfy(e -> assertThat(e.changed()).contains(id));
        Login.as(users, "admin");
        assertThat(audit.search(new AuditQuery(null, "MATERIAL_UPDATE", null, id, null, null), 0, 5).getContent())
                .singleElement().satisfies(r -> assertThat(r.detail()).contains("title: 原标题 -> 新标题")
                        .contains("category: 学习辅导 -> 制度规定"));
    }

    @Test
    void a_material_maintained_in_the_content_folder_cannot_be_edited_in_the_app() {
        assertThatThrownBy(() -> library.updateMeta("zhuti/diyi-zeren", new MaterialMeta("x", "y", List.of(), null,
                null, null))).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                .extracting(p -> p.key()).containsExactly("library.meta.error.not-upload"));
    }

    @Test
    void missing_title_and_category_are_reported_on_their_fields_and_nothing_is_stored() {
        UploadDraft draft = library.extract("a.txt", "正文".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> library.publish(draft, new MaterialMeta(" ", null, List.of("标".repeat(51)), null,
                null, null))).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                .extracting(p -> p.field()).containsExactly("title", "category", "tags"));
        assertThat(LibraryFixtures.uploads()).isEmpty();
    }
}
