package org.mingze.quiz.internal.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.mingze.quiz.AnswerKey;
import org.mingze.quiz.Question;
import org.mingze.quiz.QuestionType;

/**
 * Writes questions as the question spreadsheet: a sheet "题目" with the header of {@link XlsxColumn} and one row per
 * question (every cell as text, so that Excel keeps 001 and 1.50 as typed), drop-downs for 题型 and 难度, and a sheet
 * "填写说明" that explains every column and the answer syntax ({@link Syntax}). The downloadable template is the same
 * file with example rows, which the reader refuses until they are removed or rewritten.
 */
public final class XlsxWriter {

    /** The name of the instructions sheet. */
    public static final String HELP_SHEET = "填写说明";

    private XlsxWriter() {
    }

    /**
     * The questions as a spreadsheet. A fill-in answer that holds ; ； or | cannot be written in the answer syntax;
     * such a question is skipped and named.
     *
     * @param text turns an i18n key of the instructions into its Chinese text
     */
    public static Written write(List<Question> questions, Function<String, String> text) {
        List<Question> rows = new ArrayList<>();
        List<Written.Note> skipped = new ArrayList<>();
        for (Question q : questions) {
            if (q.answer() instanceof AnswerKey.Blanks b
                    && b.accepted().stream().flatMap(List::stream).anyMatch(a -> !Syntax.writableAlternative(a))) {
                skipped.add(Written.Note.of(q.id(), "quiz.export.skip.xlsx-fill"));
            } else {
                rows.add(q);
            }
        }
        return new Written(workbook(rows, false, text), rows.size(), skipped, List.of());
    }

    /** The template: the same layout with the given example rows (stems starting with 【示例】), in grey. */
    public static byte[] template(List<Question> examples, Function<String, String> text) {
        return workbook(examples, true, text);
    }

    private static byte[] workbook(List<Question> questions, boolean examples, Function<String, String> text) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var format = wb.createDataFormat().getFormat("@");
            CellStyle header = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            header.setDataFormat(format);
            CellStyle plain = wb.createCellStyle();
            plain.setDataFormat(format);
            plain.setVerticalAlignment(VerticalAlignment.TOP);
            CellStyle wrap = wb.createCellStyle();
            wrap.cloneStyleFrom(plain);
            wrap.setWrapText(true);
            CellStyle example = wb.createCellStyle();
            example.cloneStyleFrom(wrap);
            Font grey = wb.createFont();
            grey.setItalic(true);
            grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
            example.setFont(grey);

            Sheet data = wb.createSheet(XlsxReader.SHEET);
            XlsxColumn[] columns = XlsxColumn.values();
            Row head = data.createRow(0);
            for (XlsxColumn c : columns) {
                var cell = head.createCell(c.ordinal());
                cell.setCellValue(c.header());
                cell.setCellStyle(header);
                data.setColumnWidth(c.ordinal(), width(c) * 256);
                data.setDefaultColumnStyle(c.ordinal(), wide(c) ? wrap : plain);
            }
            int r = 1;
            for (Question q : questions) {
                Row row = data.createRow(r++);
                List<String> cells = cells(q);
                for (XlsxColumn c : columns) {
                    String value = cells.get(c.ordinal());
                    var cell = row.createCell(c.ordinal());
                    cell.setCellStyle(examples ? example : wide(c) ? wrap : plain);
                    if (!value.isEmpty()) {
                        cell.setCellValue(value);
                    }
                }
            }
            data.createFreezePane(0, 1);
            int last = Math.max(XlsxReader.MAX_ROWS, r);
            DataValidationHelper dv = data.getDataValidationHelper();
            dropDown(data, dv, XlsxColumn.TYPE, Syntax.typeNames(), last, text.apply("quiz.import.template.type-list"));
            dropDown(data, dv, XlsxColumn.DIFFICULTY, new String[] {"1", "2", "3", "4", "5"}, last,
                    text.apply("quiz.import.template.difficulty-list"));

            help(wb.createSheet(HELP_SHEET), header, wrap, text);
            wb.setActiveSheet(0);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A question's cells in column order. */
    static List<String> cells(Question q) {
        List<String> cells = new ArrayList<>();
        for (XlsxColumn c : XlsxColumn.values()) {
            cells.add(switch (c) {
                case ID -> nz(q.id());
                case BANK -> nz(q.bank());
                case TYPE -> q.type() == null ? "" : Syntax.typeName(q.type());
                case STEM -> nz(q.stem());
                case ANSWER -> Syntax.answerText(q);
                case EXPLANATION -> nz(q.explanation());
                case TAGS -> Syntax.tagsText(q.tags());
                case DIFFICULTY -> String.valueOf(q.difficulty());
                case POINTS -> Syntax.number(q.points());
                case SOURCE -> nz(q.source());
                case CATEGORY -> nz(q.category());
                default -> c.option() < q.options().size() ? nz(q.options().get(c.option())) : "";
            });
        }
        return cells;
    }

    private static void dropDown(Sheet sheet, DataValidationHelper dv, XlsxColumn column, String[] values, int last,
                                 String error) {
        int col = column.ordinal();
        DataValidation v = dv.createValidation(dv.createExplicitListConstraint(values),
                new CellRangeAddressList(1, last, col, col));
        v.setShowErrorBox(true);
        v.setEmptyCellAllowed(true);
        v.createErrorBox(column.header(), error);
        sheet.addValidationData(v);
    }

    private static void help(Sheet help, CellStyle header, CellStyle wrap, Function<String, String> text) {
        int r = 0;
        Row title = help.createRow(r++);
        title.createCell(0).setCellValue(text.apply("quiz.import.template.title"));
        title.getCell(0).setCellStyle(header);
        r++;
        Row head = help.createRow(r++);
        String[] heads = {text.apply("quiz.import.template.head.column"),
            text.apply("quiz.import.template.head.required"), text.apply("quiz.import.template.head.rule")};
        for (int i = 0; i < heads.length; i++) {
            head.createCell(i).setCellValue(heads[i]);
            head.getCell(i).setCellStyle(header);
        }
        for (XlsxColumn c : XlsxColumn.values()) {
            if (c.option() > 0) {
                continue; // 选项A stands for all eight
            }
            Row row = help.createRow(r++);
            row.createCell(0).setCellValue(c.option() == 0 ? "选项A～选项H" : c.header());
            String key = c.option() == 0 ? "options" : c.field();
            row.createCell(1).setCellValue(text.apply("quiz.import.template.required." + key));
            row.createCell(2).setCellValue(text.apply("quiz.import.template.rule." + key));
            row.getCell(2).setCellStyle(wrap);
        }
        r++;
        help.createRow(r++).createCell(0).setCellValue(text.apply("quiz.import.template.answers"));
        help.getRow(r - 1).getCell(0).setCellStyle(header);
        for (QuestionType t : QuestionType.values()) {
            Row row = help.createRow(r++);
            row.createCell(0).setCellValue(Syntax.typeName(t));
            row.createCell(2).setCellValue(text.apply("quiz.import.template.answer." + t.code()));
            row.getCell(2).setCellStyle(wrap);
        }
        r++;
        help.createRow(r++).createCell(0).setCellValue(text.apply("quiz.import.template.notes"));
        help.getRow(r - 1).getCell(0).setCellStyle(header);
        for (String key : List.of("example", "all-or-nothing", "update", "bank", "limits")) {
            Row row = help.createRow(r++);
            row.createCell(0).setCellValue("· " + text.apply("quiz.import.template.note." + key));
        }
        help.setColumnWidth(0, 16 * 256);
        help.setColumnWidth(1, 22 * 256);
        help.setColumnWidth(2, 100 * 256);
    }

    private static boolean wide(XlsxColumn c) {
        return c == XlsxColumn.STEM || c == XlsxColumn.ANSWER || c == XlsxColumn.EXPLANATION || c.option() >= 0;
    }

    private static int width(XlsxColumn c) {
        return switch (c) {
            case ID -> 12;
            case BANK, CATEGORY -> 16;
            case TYPE, DIFFICULTY, POINTS -> 7;
            case STEM, EXPLANATION -> 48;
            case ANSWER -> 20;
            case TAGS -> 20;
            case SOURCE -> 36;
            default -> 20;
        };
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
