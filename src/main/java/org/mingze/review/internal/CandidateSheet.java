package org.mingze.review.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.mingze.base.validation.Problem;
import org.mingze.base.validation.ValidationException;

/**
 * The 拟任 list .xlsx: columns 警号, 姓名, 现任职务, 拟任职务 (header in the first row), read into plain rows numbered as
 * Excel shows them; and its downloadable template. Small files only (a batch has at most a few hundred people).
 */
public final class CandidateSheet {

    public static final List<String> HEADERS = List.of("警号", "姓名", "现任职务", "拟任职务");
    public static final int MAX_BYTES = 1024 * 1024;
    public static final String EXAMPLE_NO = "000000";

    /** A data row: Excel's row number and the four cells as text. */
    public record Line(int row, String employeeNo, String name, String currentPost, String proposedPost) {
    }

    private CandidateSheet() {
    }

    public static List<Line> read(String fileName, byte[] content) {
        String lower = fileName == null ? "" : fileName.strip().toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".xlsx")) {
            throw new ValidationException(Problem.of("file", "review.import.error.type", fileName));
        }
        if (content == null || content.length > MAX_BYTES) {
            throw new ValidationException(Problem.of("file", "review.import.error.size", MAX_BYTES / 1024));
        }
        DataFormatter f = new DataFormatter(Locale.CHINA);
        List<Line> out = new ArrayList<>();
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = wb.getSheetAt(0);
            Row header = sheet.getRow(sheet.getFirstRowNum());
            for (int i = 0; i < HEADERS.size(); i++) {
                String h = header == null ? "" : text(f, header.getCell(i));
                if (!h.equals(HEADERS.get(i))) {
                    throw new ValidationException(Problem.of("header", "review.import.error.header",
                            String.join("、", HEADERS)).atRow(sheet.getFirstRowNum() + 1));
                }
            }
            for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                Line l = new Line(r + 1, text(f, row.getCell(0)).toUpperCase(Locale.ROOT), text(f, row.getCell(1)),
                        text(f, row.getCell(2)), text(f, row.getCell(3)));
                if (l.employeeNo().isEmpty() && l.name().isEmpty() && l.currentPost().isEmpty()
                        && l.proposedPost().isEmpty() || EXAMPLE_NO.equals(l.employeeNo())) {
                    continue;
                }
                out.add(l);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ValidationException v) {
                throw v;
            }
            throw new ValidationException(Problem.of("file", "review.import.error.read", fileName));
        }
        return out;
    }

    private static String text(DataFormatter f, Cell c) {
        return c == null ? "" : f.formatCellValue(c).strip();
    }

    public static byte[] template() {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("拟任人员");
            Row h = s.createRow(0);
            for (int i = 0; i < HEADERS.size(); i++) {
                h.createCell(i).setCellValue(HEADERS.get(i));
                s.setColumnWidth(i, 18 * 256);
            }
            Row ex = s.createRow(1);
            List<String> example = List.of(EXAMPLE_NO, "张三（示例，导入时忽略）", "副所长", "所长");
            for (int i = 0; i < example.size(); i++) {
                ex.createCell(i).setCellValue(example.get(i));
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
