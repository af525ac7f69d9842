package org.mingze.org.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The downloadable member import templates: a header row in the columns' Chinese titles and one example row (which
 * the import refuses, so that an unchanged template cannot create a "张三"). The .xlsx has a second sheet
 * "填写说明" that explains every column and lists the units the person may import into.
 */
public final class MemberImportTemplate {

    /** The example row's name and 警号; a row with both is the untouched example and is refused on import. */
    public static final String EXAMPLE_NAME = "张三（示例）";
    public static final String EXAMPLE_EMPLOYEE_NO = "000000";

    private static final int TEMPLATE_ROWS = 5000;

    private MemberImportTemplate() {
    }

    /** The example row, in column order, for the given unit (a name or a path). */
    public static List<String> exampleRow(String unit) {
        return List.of(EXAMPLE_NAME, EXAMPLE_EMPLOYEE_NO, unit, "民警", "否", "是", "13900000000");
    }

    /** True when a row still is the template's example (compared after normalisation). */
    public static boolean isExample(String name, String employeeNo) {
        return EXAMPLE_EMPLOYEE_NO.equalsIgnoreCase(employeeNo == null ? "" : employeeNo.strip())
                && (name == null ? "" : name.strip()).startsWith("张三");
    }

    /** UTF-8 with a BOM (so that Excel on Windows reads the Chinese right), CRLF line ends. */
    public static byte[] csv(List<String> example) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xEF);
        out.write(0xBB);
        out.write(0xBF);
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                CSVFormat.EXCEL)) {
            printer.printRecord(Arrays.stream(MemberColumn.values()).map(MemberColumn::header).toList());
            printer.printRecord(example);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The .xlsx template. {@code text} turns an i18n key (and arguments) into the text of the instructions sheet;
     * {@code units} are the unit names (or paths) the person may import into.
     */
    public static byte[] xlsx(List<String> example, List<String> units, Function<String, String> text) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle header = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            CellStyle textFormat = wb.createCellStyle();
            textFormat.setDataFormat(wb.createDataFormat().getFormat("@"));
            CellStyle exampleStyle = wb.createCellStyle();
            Font grey = wb.createFont();
            grey.setItalic(true);
            grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
            exampleStyle.setFont(grey);
            exampleStyle.setDataFormat(wb.createDataFormat().getFormat("@"));

            Sheet data = wb.createSheet(text.apply("import.template.sheet.data"));
            MemberColumn[] columns = MemberColumn.values();
            Row head = data.createRow(0);
            Row ex = data.createRow(1);
            for (int i = 0; i < columns.length; i++) {
                var c = head.createCell(i);
                c.setCellValue(columns[i].header());
                c.setCellStyle(header);
                var e = ex.createCell(i);
                e.setCellValue(example.get(i));
                e.setCellStyle(exampleStyle);
                data.setColumnWidth(i, (columns[i] == MemberColumn.UNIT ? 30 : columns[i] == MemberColumn.POST ? 22
                        : 14) * 256);
                if (columns[i] == MemberColumn.EMPLOYEE_NO || columns[i] == MemberColumn.PHONE) {
                    // as text, so that Excel keeps leading zeros and long numbers as typed
                    data.setDefaultColumnStyle(i, textFormat);
                }
            }
            data.createFreezePane(0, 1);
            DataValidationHelper dv = data.getDataValidationHelper();
            for (MemberColumn yesNo : List.of(MemberColumn.LEADER, MemberColumn.PARTY_MEMBER)) {
                int col = yesNo.ordinal();
                DataValidation v = dv.createValidation(dv.createExplicitListConstraint(new String[] {"是", "否"}),
                        new CellRangeAddressList(1, TEMPLATE_ROWS, col, col));
                v.setShowErrorBox(true);
                v.createErrorBox(yesNo.header(), text.apply("import.template.yes-no"));
                data.addValidationData(v);
            }

            Sheet help = wb.createSheet(text.apply("import.template.sheet.help"));
            int r = 0;
            Row title = help.createRow(r++);
            title.createCell(0).setCellValue(text.apply("import.template.title"));
            title.getCell(0).setCellStyle(header);
            r++;
            Row helpHead = help.createRow(r++);
            String[] heads = {text.apply("import.template.head.column"), text.apply("import.template.head.required"),
                text.apply("import.template.head.rule")};
            for (int i = 0; i < heads.length; i++) {
                helpHead.createCell(i).setCellValue(heads[i]);
                helpHead.getCell(i).setCellStyle(header);
            }
            for (MemberColumn c : columns) {
                Row row = help.createRow(r++);
                row.createCell(0).setCellValue(c.header());
                boolean required = c == MemberColumn.NAME || c == MemberColumn.EMPLOYEE_NO || c == MemberColumn.UNIT;
                row.createCell(1).setCellValue(text.apply(required ? "import.template.required"
                        : "import.template.optional"));
                row.createCell(2).setCellValue(text.apply("import.template.rule." + c.field()));
            }
            r++;
            help.createRow(r++).createCell(0).setCellValue(text.apply("import.template.notes"));
            help.getRow(r - 1).getCell(0).setCellStyle(header);
            for (String key : List.of("import.template.note.header", "import.template.note.example",
                    "import.template.note.all-or-nothing", "import.template.note.update",
                    "import.template.note.limits")) {
                help.createRow(r++).createCell(0).setCellValue("· " + text.apply(key));
            }
            r++;
            help.createRow(r++).createCell(0).setCellValue(text.apply("import.template.units"));
            help.getRow(r - 1).getCell(0).setCellStyle(header);
            for (String unit : units) {
                help.createRow(r++).createCell(0).setCellValue(unit);
            }
            help.setColumnWidth(0, 40 * 256);
            help.setColumnWidth(1, 10 * 256);
            help.setColumnWidth(2, 90 * 256);
            wb.setActiveSheet(0);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
