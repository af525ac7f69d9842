package org.mingze.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mingze.MingzeTest;
import org.mingze.TestData;
import org.mingze.base.audit.AuditLog;
import org.mingze.base.audit.AuditQuery;
import org.mingze.base.audit.AuditRecord;
import org.mingze.base.validation.Problem;
import org.mingze.base.validation.ValidationException;
import org.mingze.org.internal.MemberRepository;
import org.mingze.org.internal.Unit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

@MingzeTest
class MemberImportServiceTest {

    static final String[] HEADER = {"姓名", "警号", "所在单位", "职务", "领导干部", "党员", "手机号"};

    @Autowired
    MemberImportService imports;
    @Autowired
    MemberService memberService;
    @Autowired
    MemberRepository members;
    @Autowired
    AuditLog audit;
    @Autowired
    UserDetailsService users;
    @Autowired
    TestData data;

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_good_xlsx_creates_every_member_with_every_column_read_right() {
        data.signIn("admin");
        String a = no();
        String b = no();
        String c = no();
        byte[] file = xlsx(HEADER,
                row("赵一", a, "城关派出所党支部", "社区民警", "否", "是", "13912345678"),
                row("钱二", b, "机关党支部", "政治处主任", "是", "否", ""),
                row("孙三", c, "市公安局党委/刑事侦查大队党支部", "", "", "", "0571-87654321"));

        MemberImportResult result = imports.importFile("名单.xlsx", file);

        assertThat(result).isEqualTo(new MemberImportResult("名单.xlsx", 3, 0, 0));
        MemberRow zhao = memberService.byEmployeeNo(a).orElseThrow();
        assertThat(zhao.name()).isEqualTo("赵一");
        assertThat(zhao.unitName()).isEqualTo("城关派出所党支部");
        assertThat(zhao.post()).isEqualTo("社区民警");
        assertThat(zhao.leader()).isFalse();
        assertThat(zhao.partyMember()).isTrue();
        assertThat(zhao.phone()).isEqualTo("13912345678");
        MemberRow qian = memberService.byEmployeeNo(b).orElseThrow();
        assertThat(qian.leader()).isTrue();
        assertThat(qian.partyMember()).isFalse();
        assertThat(qian.phone()).isNull();
        MemberRow sun = memberService.byEmployeeNo(c).orElseThrow();
        assertThat(sun.unitName()).isEqualTo("刑事侦查大队党支部");
        assertThat(sun.leader()).as("empty 领导干部 means no").isFalse();
        assertThat(sun.partyMember()).as("empty 党员 means yes").isTrue();
        assertThat(sun.post()).isNull();
    }

    @Test
    void numbers_typed_into_excel_as_numbers_are_read_as_typed() throws IOException {
        data.signIn("admin");
        long number = 7_000_000L + TestData.next();
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("人员名单");
            fill(sheet.createRow(0), HEADER);
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("数字警号");
            row.createCell(1).setCellValue(number);
            row.createCell(2).setCellValue("城关派出所党支部");
            row.createCell(6).setCellValue(13912345678d);
            wb.write(out);

            imports.importFile("numbers.xlsx", out.toByteArray());
        }

        MemberRow m = memberService.byEmployeeNo(String.valueOf(number)).orElseThrow();
        assertThat(m.phone()).isEqualTo("13912345678");
    }

    @Test
    void a_file_with_one_bad_row_imports_nothing_and_reports_that_row_and_column() {
        data.signIn("admin");
        String good1 = no();
        String bad = no();
        String good2 = no();
        byte[] file = xlsx(HEADER,
                row("周一", good1, "城关派出所党支部", "民警", "否", "是", "13900000001"),
                row("吴二", bad, "城关派出所党支部", "民警", "否", "是", "12345"),
                row("郑三", good2, "城关派出所党支部", "民警", "否", "是", ""));

        ValidationException ex = catchThrowableOfType(ValidationException.class,
                () -> imports.importFile("one-bad.xlsx", file));

        assertThat(ex.problems()).extracting(Problem::row, Problem::field, Problem::key)
                .containsExactly(tuple(3, "phone", "member.error.phone-format"));
        assertThat(ex.problems().get(0).args()).containsExactly("12345");
        assertThat(List.of(good1, bad, good2)).noneMatch(members::existsByEmployeeNo);
    }

    @Test
    void every_bad_row_is_reported_not_just_the_first_and_row_numbers_match_excel() {
        data.signIn("admin");
        String ok = no();
        byte[] file = xlsx(HEADER,
                row("", no(), "城关派出所党支部", "", "", "", ""),               // row 2: no name
                row(),                                                           // row 3: blank, skipped
                row("冯四", no(), "不存在的党支部", "", "", "", ""),              // row 4: unknown unit
                row("陈五", no(), "城关派出所党支部", "", "也许", "", ""),        // row 5: 领导干部 not yes/no
                row("褚六", ok, "城关派出所党支部", "", "", "", ""),             // row 6: fine
                row("卫七", "12", "", "", "", "", ""));                          // row 7: bad 警号 and no unit

        ValidationException ex = catchThrowableOfType(ValidationException.class,
                () -> imports.importFile("many-bad.xlsx", file));

        assertThat(ex.problems()).extracting(Problem::row, Problem::field, Problem::key).containsExactly(
                tuple(2, "name", "member.error.name-required"),
                tuple(4, "unit", "import.error.unit-unknown"),
                tuple(5, "leader", "import.error.yes-no"),
                tuple(7, "employeeNo", "member.error.employee-no-format"),
                tuple(7, "unit", "import.error.unit-required"));
        assertThat(members.existsByEmployeeNo(ok)).isFalse();
    }

    @Test
    void a_duplicate_employee_number_inside_the_file_names_both_rows() {
        data.signIn("admin");
        String twice = no();
        String other = no();
        byte[] file = xlsx(HEADER,
                row("蒋一", twice, "城关派出所党支部", "", "", "", ""),
                row("沈二", other, "城关派出所党支部", "", "", "", ""),
                row("韩三", " " + twice.toLowerCase() + " ", "城关派出所党支部", "", "", "", ""));

        ValidationException ex = catchThrowableOfType(ValidationException.class,
                () -> imports.importFile("dup.xlsx", file));

        assertThat(ex.problems()).extracting(Problem::row, Problem::field, Problem::key, p -> p.args())
                .containsExactly(
                        tuple(2, "employeeNo", "import.error.duplicate-in-file",
                                List.of(twice, "4")),
                        tuple(4, "employeeNo", "import.error.duplicate-in-file",
                                List.of(twice, "2")));
        assertThat(members.existsByEmployeeNo(other)).isFalse();
    }

    @Test
    void a_gbk_csv_and_a_utf8_csv_with_or_without_bom_all_read_chinese_correctly() {
        data.signIn("admin");
        String gbk = no();
        String bom = no();
        String plain = no();

        imports.importFile("gbk.csv", csv(Charset.forName("GBK"), false,
                row("欧阳建国", gbk, "交通警察大队党支部", "中队长", "是", "是", "13800000000")));
        imports.importFile("bom.csv", csv(StandardCharsets.UTF_8, true,
                row("司马丽娟", bom, "治安管理大队党支部", "内勤，兼“宣传”", "否", "否", "")));
        imports.importFile("plain.csv", csv(StandardCharsets.UTF_8, false,
                row("上官晓燕", plain, "城关派出所党支部", "", "", "", "")));

        MemberRow a = memberService.byEmployeeNo(gbk).orElseThrow();
        assertThat(a.name()).isEqualTo("欧阳建国");
        assertThat(a.unitName()).isEqualTo("交通警察大队党支部");
        assertThat(a.post()).isEqualTo("中队长");
        MemberRow b = memberService.byEmployeeNo(bom).orElseThrow();
        assertThat(b.name()).as("the BOM must not stick to the first header").isEqualTo("司马丽娟");
        assertThat(b.post()).as("a quoted cell with a comma and quotes").isEqualTo("内勤，兼“宣传”");
        assertThat(memberService.byEmployeeNo(plain).orElseThrow().name()).isEqualTo("上官晓燕");
    }

    @Test
    void organiser_lihm_cannot_import_into_the_public_order_branch_and_nothing_is_stored() {
        data.signIn("lihm");
        String own = no();
        String foreign = no();
        byte[] file = xlsx(HEADER,
                row("杨一", own, "城关派出所党支部", "", "", "", ""),
                row("朱二", foreign, "治安管理大队党支部", "", "", "", ""));

        ValidationException ex = catchThrowableOfType(ValidationException.class,
                () -> imports.importFile("scope.xlsx", file));

        assertThat(ex.problems()).extracting(Problem::row, Problem::field, Problem::key)
                .containsExactly(tuple(3, "unit", "import.error.unit-out-of-scope"));
        assertThat(members.existsByEmployeeNo(own)).isFalse();
        assertThat(members.existsByEmployeeNo(foreign)).isFalse();
    }

    @Test
    void an_organiser_cannot_change_someone_outside_their_scope_by_reusing_their_employee_number() {
        Unit outside = data.unitNamed("治安管理大队党支部");
        var stranger = data.member(outside);
        data.signIn("lihm");
        byte[] file = xlsx(HEADER, row("冒名", stranger.getEmployeeNo(), "城关派出所党支部", "", "", "", ""));

        ValidationException ex = catchThrowableOfType(ValidationException.class,
                () -> imports.importFile("takeover.xlsx", file));

        assertThat(ex.problems()).extracting(Problem::row, Problem::field, Problem::key).containsExactly(
                tuple(2, "employeeNo", "import.error.member-out-of-scope"));
        var unchanged = members.findByEmployeeNo(stranger.getEmployeeNo()).orElseThrow();
        assertThat(unchanged.getName()).isEqualTo(stranger.getName());
        assertThat(unchanged.getUnitId()).isEqualTo(outside.getId());
    }

    @Test
    void re_import_updates_by_employee_number_and_never_duplicates() {
        data.signIn("zhouxy");
        String a = no();
        String b = no();
        imports.importFile("first.xlsx", xlsx(HEADER,
                row("秦一", a, "城关派出所党支部", "民警", "否", "是", ""),
                row("尤二", b, "城关派出所党支部", "民警", "否", "是", "")));

        MemberImportResult again = imports.importFile("second.csv", csv(StandardCharsets.UTF_8, true,
                row("秦一", a.toLowerCase(), "机关党支部", "一级警长", "是", "是", "13700000000"),
                row("尤二", b, "城关派出所党支部", "民警", "否", "是", "")));

        assertThat(again).isEqualTo(new MemberImportResult("second.csv", 0, 1, 1));
        assertThat(members.findByEmployeeNoIn(List.of(a, b))).hasSize(2);
        assertThat(memberService.count(new MemberFilter(a, null, null, null))).isEqualTo(1);
        MemberRow qin = memberService.byEmployeeNo(a).orElseThrow();
        assertThat(qin.unitName()).isEqualTo("机关党支部");
        assertThat(qin.post()).isEqualTo("一级警长");
        assertThat(qin.leader()).isTrue();
        assertThat(qin.phone()).isEqualTo("13700000000");
    }

    @Test
    void a_successful_import_writes_one_member_import_entry_and_a_rejected_one_is_recorded_as_rejected() {
        data.signIn("zhouxy");
        imports.importFile("审计测试.xlsx", xlsx(HEADER,
                row("许一", no(), "城关派出所党支部", "", "", "", ""),
                row("何二", no(), "机关党支部", "", "", "", "")));
        assertThatThrownBy(() -> imports.importFile("审计失败.xlsx", xlsx(HEADER, row("吕三", no(), "", "", "", "",
                "")))).isInstanceOf(ValidationException.class);

        data.signIn("admin");
        List<AuditRecord> entries = audit.search(new AuditQuery("zhouxy", "MEMBER_IMPORT", null, null, null, null),
                0, 100).getContent();
        assertThat(entries).filteredOn(e -> e.detail().contains("审计测试.xlsx")).singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("zhouxy");
                    assertThat(e.objectType()).isEqualTo("member");
                    assertThat(e.detail()).contains("2 created", "0 updated");
                });
        assertThat(entries).noneMatch(e -> e.detail().contains("审计失败.xlsx"));
        assertThat(audit.search(new AuditQuery("zhouxy", "MEMBER_IMPORT_REJECTED", null, null, null, null), 0, 100)
                .getContent()).filteredOn(e -> e.detail().contains("审计失败.xlsx")).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("nothing imported"));
    }

    @Test
    void a_header_with_an_unknown_or_missing_column_is_reported_before_any_row() {
        data.signIn("admin");
        String[] header = {"姓名", "警号", "所在单位", "职务", "领导干部", "党员", "备注"};
        byte[] file = xlsx(header, row("", "", "", "", "", "", ""), row("吕一", "x", "", "", "", "", ""));

        ValidationException ex = catchThrowableOfType(ValidationException.class,
                () -> imports.importFile("header.xlsx", file));

        assertThat(ex.problems()).extracting(Problem::row, Problem::field, Problem::key, Problem::args)
                .containsExactly(
                        tuple(1, "header", "import.error.header-unknown",
                                List.of("G", "备注")),
                        tuple(1, "header", "import.error.header-missing",
                                List.of("手机号")));
    }

    @Test
    void english_headers_and_their_variants_are_accepted() {
        data.signIn("admin");
        String n = no();
        String[] header = {"Name", "Employee No.", "Unit", "Post", "leader", "Party member", "手机号码"};

        imports.importFile("english.csv", csvWithHeader(StandardCharsets.UTF_8, false, header,
                row("Li Lei", n, "城关派出所党支部", "Officer", "Y", "N", "")));

        MemberRow m = memberService.byEmployeeNo(n).orElseThrow();
        assertThat(m.name()).isEqualTo("Li Lei");
        assertThat(m.leader()).isTrue();
        assertThat(m.partyMember()).isFalse();
    }

    @Test
    void a_unit_name_used_twice_must_be_given_as_a_path_and_then_imports() {
        data.signIn("admin");
        Unit left = data.branch();
        Unit right = data.branch();
        String shared = "同名党小组" + TestData.next();
        data.unit(shared, UnitKind.GROUP, left);
        Unit target = data.unit(shared, UnitKind.GROUP, right);
        String n = no();

        ValidationException ex = catchThrowableOfType(ValidationException.class, () -> imports.importFile("a.xlsx",
                xlsx(HEADER, row("施一", n, shared, "", "", "", ""))));
        assertThat(ex.problems()).extracting(Problem::row, Problem::field, Problem::key)
                .containsExactly(tuple(2, "unit", "import.error.unit-ambiguous"));

        imports.importFile("b.xlsx", xlsx(HEADER, row("施一", n, right.getName() + "/" + shared, "", "", "", "")));
        assertThat(members.findByEmployeeNo(n).orElseThrow().getUnitId()).isEqualTo(target.getId());
    }

    @Test
    void files_that_cannot_be_imported_say_why() {
        data.signIn("admin");
        assertThat(problemKeys("empty.csv", new byte[0])).containsExactly("import.error.empty");
        assertThat(problemKeys("header-only.csv", csv(StandardCharsets.UTF_8, true)))
                .containsExactly("import.error.no-data");
        assertThat(problemKeys("big.csv", new byte[MemberImportService.MAX_BYTES + 1]))
                .containsExactly("import.error.too-large");
        assertThat(problemKeys("broken.xlsx", "这不是压缩包".getBytes(StandardCharsets.UTF_8)))
                .containsExactly("import.error.unreadable");
        assertThat(problemKeys("old.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0}))
                .containsExactly("import.error.xls");
        assertThat(problemKeys("photo.jpg", new byte[] {1, 2, 3})).containsExactly("import.error.file-type");
    }

    @Test
    void more_than_five_thousand_rows_are_refused_whole() {
        data.signIn("admin");
        StringBuilder sb = new StringBuilder(String.join(",", HEADER)).append("\r\n");
        String prefix = "R" + TestData.next() + "X";
        for (int i = 0; i <= MemberImportService.MAX_ROWS; i++) {
            sb.append("某人,").append(prefix).append(i).append(",城关派出所党支部,,,,\r\n");
        }

        assertThat(problemKeys("huge.csv", sb.toString().getBytes(StandardCharsets.UTF_8)))
                .containsExactly("import.error.too-many-rows");
        assertThat(members.existsByEmployeeNo(prefix + "0")).isFalse();
    }

    @Test
    void an_xlsx_with_more_than_five_thousand_rows_is_refused_without_reading_it_all() throws IOException {
        data.signIn("admin");
        String prefix = "S" + TestData.next() + "X";
        byte[] file;
        try (var wb = new org.apache.poi.xssf.streaming.SXSSFWorkbook(100);
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("人员名单");
            fill(sheet.createRow(0), HEADER);
            for (int i = 1; i <= 20_000; i++) {
                fill(sheet.createRow(i), row("某人", prefix + i, "城关派出所党支部"));
            }
            wb.write(out);
            wb.dispose();
            file = out.toByteArray();
        }

        assertThat(problemKeys("huge.xlsx", file)).containsExactly("import.error.too-many-rows");
        assertThat(members.existsByEmployeeNo(prefix + "1")).isFalse();
    }

    @Test
    void the_templates_have_the_header_an_example_row_and_instructions_and_the_untouched_template_imports_nothing()
            throws IOException {
        data.signIn("lihm");
        byte[] xlsx = imports.templateXlsx();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Row header = wb.getSheetAt(0).getRow(0);
            assertThat(java.util.stream.IntStream.range(0, HEADER.length).mapToObj(i ->
                    header.getCell(i).getStringCellValue())).containsExactly(HEADER);
            assertThat(wb.getSheetAt(0).getRow(1).getCell(2).getStringCellValue()).isEqualTo("城关派出所党支部");
            assertThat(wb.getSheetName(1)).isEqualTo("填写说明");
            String help = java.util.stream.StreamSupport.stream(wb.getSheetAt(1).spliterator(), false)
                    .map(r -> r.getCell(0) == null ? "" : r.getCell(0).getStringCellValue())
                    .collect(Collectors.joining("\n"));
            assertThat(help).contains("警号", "社区警务组党小组").doesNotContain("治安管理大队党支部");
        }
        byte[] csv = imports.templateCsv();
        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(csv, StandardCharsets.UTF_8)).contains(String.join(",", HEADER) + "\r\n");

        assertThat(problemKeys("模板.xlsx", xlsx)).containsExactly("import.error.example-row");
        assertThat(problemKeys("模板.csv", csv)).containsExactly("import.error.example-row");
    }

    @Test
    void a_learner_may_not_import() {
        data.signIn("wangzh");
        assertThatThrownBy(() -> imports.importFile("x.csv", csv(StandardCharsets.UTF_8, true,
                row("王一", no(), "城关派出所党支部", "", "", "", "")))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> imports.templateXlsx()).isInstanceOf(AccessDeniedException.class);
    }

    // --- helpers ---

    private List<String> problemKeys(String name, byte[] content) {
        ValidationException ex = catchThrowableOfType(ValidationException.class,
                () -> imports.importFile(name, content));
        assertThat(ex).as("expected a ValidationException for " + name).isNotNull();
        return ex.problems().stream().map(Problem::key).toList();
    }


    /** A unique, valid 警号. */
    static String no() {
        return "IM" + (100000 + TestData.next());
    }

    static String[] row(String... cells) {
        return cells;
    }

    /** A one-sheet workbook: the header, then the rows as text cells; an empty row stays an empty Excel row. */
    static byte[] xlsx(String[] header, String[]... rows) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("人员名单");
            fill(sheet.createRow(0), header);
            for (int i = 0; i < rows.length; i++) {
                fill(sheet.createRow(i + 1), rows[i]);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void fill(Row row, String[] cells) {
        for (int c = 0; c < cells.length; c++) {
            if (!cells[c].isEmpty()) {
                row.createCell(c).setCellValue(cells[c]);
            }
        }
    }

    /** A CSV in the charset, optionally with a UTF-8 BOM: the template header, then the rows. */
    static byte[] csv(Charset charset, boolean bom, String[]... rows) {
        return csvWithHeader(charset, bom, HEADER, rows);
    }

    static byte[] csvWithHeader(Charset charset, boolean bom, String[] header, String[]... rows) {
        StringBuilder sb = new StringBuilder(String.join(",", header)).append("\r\n");
        for (String[] r : rows) {
            sb.append(java.util.Arrays.stream(r).map(MemberImportServiceTest::quote).collect(Collectors.joining(",")))
                    .append("\r\n");
        }
        byte[] body = sb.toString().getBytes(charset);
        if (!bom) {
            return body;
        }
        byte[] out = new byte[body.length + 3];
        out[0] = (byte) 0xEF;
        out[1] = (byte) 0xBB;
        out[2] = (byte) 0xBF;
        System.arraycopy(body, 0, out, 3, body.length);
        return out;
    }

    private static String quote(String cell) {
        return cell.contains(",") || cell.contains("\"") || cell.contains("，") || cell.contains("“")
                ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }
}
