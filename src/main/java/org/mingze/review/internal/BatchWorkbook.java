package org.mingze.review.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.mingze.review.BatchRow;
import org.mingze.review.CandidateRow;
import org.mingze.review.CandidateState;

/**
 * A batch's summary as .xlsx (POI): sheet 汇总 with the batch's facts and the count per outcome, sheet 名单 with
 * every candidate (警号, name, unit, posts, outcome, first and re-sit score and date, the deciding score, reason).
 */
public final class BatchWorkbook {

    private BatchWorkbook() {
    }

    public static byte[] render(BatchRow b, List<CandidateRow> candidates, BiFunction<String, Object[], String> t) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = wb.createCellStyle();
            Font f = wb.createFont();
            f.setBold(true);
            bold.setFont(f);
            Sheet sum = wb.createSheet(t.apply("review.export.summary", null));
            int r = 0;
            r = pair(sum, r, t.apply("review.export.batch", null), b.name(), bold);
            r = pair(sum, r, t.apply("review.sheet.type", null), t.apply(b.type().labelKey(), null), bold);
            r = pair(sum, r, t.apply("review.export.unit", null), b.unitName(), bold);
            r = pair(sum, r, t.apply("review.field.deadline", null), b.deadline().toString(), bold);
            r = pair(sum, r, t.apply("review.sheet.pass", null), b.passPercent() + "%", bold);
            r = pair(sum, r, t.apply("review.export.candidates", null), String.valueOf(b.candidates()), bold);
            r++;
            for (CandidateState s : CandidateState.values()) {
                Row row = sum.createRow(r++);
                row.createCell(0).setCellValue(t.apply(s.labelKey(), null));
                row.createCell(1).setCellValue(b.byState().getOrDefault(s, 0));
            }
            sum.setColumnWidth(0, 16 * 256);
            sum.setColumnWidth(1, 40 * 256);

            Sheet list = wb.createSheet(t.apply("review.export.list", null));
            String[] header = {"警号", t.apply("review.sheet.name", null), t.apply("review.sheet.unit", null),
                    t.apply("review.sheet.post", null), t.apply("review.sheet.proposed", null),
                    t.apply("review.sheet.outcome", null), t.apply("review.export.first-score", null),
                    t.apply("review.export.first-date", null), t.apply("review.export.resit-score", null),
                    t.apply("review.export.resit-date", null), t.apply("review.sheet.score", null),
                    t.apply("review.sheet.reason", null)};
            Row h = list.createRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
                h.getCell(i).setCellStyle(bold);
            }
            int n = 1;
            for (CandidateRow c : candidates) {
                Row row = list.createRow(n++);
                row.createCell(0).setCellValue(c.employeeNo());
                row.createCell(1).setCellValue(c.name());
                row.createCell(2).setCellValue(c.unitName());
                row.createCell(3).setCellValue(nz(c.currentPost()));
                row.createCell(4).setCellValue(c.proposedPost());
                row.createCell(5).setCellValue(t.apply(c.state().labelKey(), null));
                number(row, 6, c.firstScore());
                row.createCell(7).setCellValue(day(c.firstOn()));
                number(row, 8, c.resitScore());
                row.createCell(9).setCellValue(day(c.resitOn()));
                number(row, 10, c.resitScore() != null ? c.resitScore() : c.firstScore());
                row.createCell(11).setCellValue(nz(c.reason()));
            }
            list.createFreezePane(0, 1);
            for (int i = 0; i < header.length; i++) {
                list.setColumnWidth(i, (i == 2 || i == 11 ? 28 : 14) * 256);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int pair(Sheet s, int r, String label, String value, CellStyle bold) {
        Row row = s.createRow(r);
        row.createCell(0).setCellValue(label);
        row.getCell(0).setCellStyle(bold);
        row.createCell(1).setCellValue(value);
        return r + 1;
    }

    private static void number(Row row, int col, BigDecimal v) {
        if (v != null) {
            row.createCell(col).setCellValue(v.doubleValue());
        }
    }

    private static String day(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
