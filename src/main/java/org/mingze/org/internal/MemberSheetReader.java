package org.mingze.org.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.mingze.base.validation.Problem;
import org.mingze.base.validation.ValidationException;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads the first sheet of an .xlsx file or a .csv file into plain text rows, numbered as Excel shows them (the first
 * row is 1). Blank rows are skipped but keep their numbers. Reading stops after {@code maxRows} data rows, so that a
 * huge file cannot exhaust memory. The .xlsx sheet is streamed (SAX) from a temporary file, never loaded whole.
 *
 * <p>CSV: UTF-8 with or without BOM; otherwise GB18030 (a superset of GBK, what Excel on Chinese Windows writes).
 * Comma-separated, or tab/semicolon-separated when the first line has no comma.
 */
public final class MemberSheetReader {

    /** What was read: the header row (first non-blank row) and the data rows after it. */
    public record Sheet(Row header, List<Row> rows, boolean truncated) {
    }

    /** One non-blank row: its number as Excel shows it and its cells as text (stripped; blank cells are ""). */
    public record Row(int number, List<String> cells) {
        public String cell(int index) {
            return index >= 0 && index < cells.size() ? cells.get(index) : "";
        }
    }

    private static final int MAX_COLUMNS = 200;

    private MemberSheetReader() {
    }

    /**
     * Reads the file. Throws {@link ValidationException} with one problem (row 0, field "file") when the file is of
     * another type or cannot be read. {@code truncated} is true when there were more than {@code maxRows} data rows.
     */
    public static Sheet read(String fileName, byte[] content, int maxRows) {
        String name = fileName == null ? "" : fileName.strip();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xls")) {
            throw fileProblem("import.error.xls", name);
        }
        if (lower.endsWith(".xlsx")) {
            return xlsx(name, content, maxRows);
        }
        if (lower.endsWith(".csv")) {
            return csv(decode(content), maxRows);
        }
        throw fileProblem("import.error.file-type", name);
    }

    /** Decodes CSV bytes: strictly as UTF-8 (a BOM is dropped), else UTF-16 by its BOM, else GB18030. */
    static String decode(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(b, Charset.forName("GB18030"));
        }
    }

    private static Sheet csv(String text, int maxRows) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter(text)).setIgnoreEmptyLines(false)
                .setTrim(true).get();
        Collector rows = new Collector(maxRows);
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                List<String> cells = new ArrayList<>(record.size());
                record.forEach(v -> cells.add(clean(v)));
                if (!rows.add(new Row((int) record.getRecordNumber(), cells))) {
                    break;
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw fileProblem("import.error.csv-unreadable");
        }
        return rows.sheet();
    }

    /** Comma, unless the first line has none and has tabs (Excel's "Unicode text") or semicolons. */
    private static char delimiter(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        if (first.indexOf(',') >= 0) {
            return ',';
        }
        if (first.indexOf('\t') >= 0) {
            return '\t';
        }
        return first.indexOf(';') >= 0 ? ';' : ',';
    }

    private static Sheet xlsx(String name, byte[] content, int maxRows) {
        File temp = null;
        try {
            temp = File.createTempFile("mingze-import-", ".xlsx");
            Files.write(temp.toPath(), content);
            try (OPCPackage pkg = OPCPackage.open(temp, PackageAccess.READ)) {
                XSSFReader reader = new XSSFReader(pkg);
                reader.setUseReadOnlySharedStringsTable(true);
                Iterator<InputStream> sheets = reader.getSheetsData();
                if (!sheets.hasNext()) {
                    throw fileProblem("import.error.unreadable", name);
                }
                Collector rows = new Collector(maxRows);
                try (InputStream sheet = sheets.next()) {
                    XMLReader parser = XMLHelper.newXMLReader();
                    parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(),
                            reader.getSharedStringsTable(), new RowHandler(rows), new DataFormatter(Locale.ROOT),
                            false));
                    parser.parse(new InputSource(sheet));
                } catch (UncheckedEnough stop) {
                    // more rows than allowed: the collector has noted it
                }
                return rows.sheet();
            }
        } catch (ValidationException e) {
            throw e;
        } catch (Exception e) { // POI reports a damaged, encrypted or foreign file in many ways
            throw fileProblem("import.error.unreadable", name);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp.toPath());
                } catch (IOException ignored) {
                    temp.deleteOnExit();
                }
            }
        }
    }

    private static ValidationException fileProblem(String key, Object... args) {
        return new ValidationException(Problem.of("file", key, args));
    }

    /** Strips, and turns non-breaking and full-width spaces (common in pasted text) into nothing at the ends. */
    private static String clean(String v) {
        if (v == null) {
            return "";
        }
        return v.replace('\u00A0', ' ').replace('\u3000', ' ').strip();
    }

    /** Keeps non-blank rows; the first one is the header. Says stop once there are more data rows than allowed. */
    private static final class Collector {
        private final int maxRows;
        private Row header;
        private final List<Row> rows = new ArrayList<>();
        private boolean truncated;

        Collector(int maxRows) {
            this.maxRows = maxRows;
        }

        /** False when reading should stop. */
        boolean add(Row row) {
            if (row.cells().stream().allMatch(String::isEmpty)) {
                return true;
            }
            if (header == null) {
                header = row;
                return true;
            }
            if (rows.size() >= maxRows) {
                truncated = true;
                return false;
            }
            rows.add(row);
            return true;
        }

        Sheet sheet() {
            return new Sheet(header, List.copyOf(rows), truncated);
        }
    }

    private static final class RowHandler implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Collector rows;
        private List<String> cells = new ArrayList<>();
        private int lastColumn = -1;

        RowHandler(Collector rows) {
            this.rows = rows;
        }

        @Override
        public void startRow(int rowNum) {
            cells = new ArrayList<>();
            lastColumn = -1;
        }

        @Override
        public void endRow(int rowNum) {
            if (!rows.add(new Row(rowNum + 1, cells))) {
                throw new UncheckedEnough();
            }
        }

        @Override
        public void cell(String ref, String value, XSSFComment comment) {
            int column = ref == null ? lastColumn + 1 : new CellReference(ref).getCol();
            lastColumn = column;
            if (column < 0 || column >= MAX_COLUMNS) {
                return; // far beyond any column we read
            }
            while (cells.size() <= column) {
                cells.add("");
            }
            cells.set(column, clean(value));
        }
    }

    /** SheetContentsHandler may not throw checked exceptions; the SAX handler passes this one through. */
    private static final class UncheckedEnough extends RuntimeException {
        UncheckedEnough() {
            super("row limit reached", null, false, false);
        }
    }
}
