package org.mingze.duty.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.mingze.duty.Rating;
import org.mingze.duty.ReporterRow;
import org.mingze.duty.SessionRow;

/** The session summary as an .xlsx workbook: one row per reporter (Q&A score, written test, appraisal tally). */
public final class SummaryXlsx {

    public static final List<String> HEADERS = List.of("序号", "姓名", "职务", "知识问答得分", "知识问答满分",
            "书面测试得分", "书面测试满分", "评议人数", "优秀", "称职", "基本称职", "不称职");

    private SummaryXlsx() {
    }

    public static byte[] write(SessionRow s, List<ReporterRow> rows) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("述职评议汇总");
            sheet.createRow(0).createCell(0).setCellValue(s.name() + "（" + s.unitName() + "，" + s.meetingDay() + "）");
            Row head = sheet.createRow(1);
            for (int i = 0; i < HEADERS.size(); i++) {
                head.createCell(i).setCellValue(HEADERS.get(i));
            }
            int n = 2;
            for (ReporterRow r : rows) {
                Row row = sheet.createRow(n++);
                row.createCell(0).setCellValue(r.position());
                row.createCell(1).setCellValue(r.name());
                row.createCell(2).setCellValue(r.post() == null ? "" : r.post());
                number(row, 3, r.qaScore());
                number(row, 4, r.qaMax());
                number(row, 5, r.testScore());
                number(row, 6, r.testMax());
                row.createCell(7).setCellValue(r.voters());
                int c = 8;
                for (Rating rating : Rating.values()) {
                    Integer v = r.tally().get(rating);
                    if (v != null) {
                        row.createCell(c).setCellValue(v);
                    }
                    c++;
                }
            }
            for (int i = 0; i < HEADERS.size(); i++) {
                sheet.setColumnWidth(i, (i == 1 || i == 2 ? 18 : 12) * 256);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void number(Row row, int col, BigDecimal v) {
        if (v != null) {
            row.createCell(col).setCellValue(v.doubleValue());
        }
    }
}
