package org.mingze.quiz.internal.format;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.mingze.base.validation.Problem;
import org.mingze.quiz.AnswerKey;
import org.mingze.quiz.Question;
import org.mingze.quiz.QuestionType;
import org.mingze.quiz.internal.QuestionValidator;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads the question spreadsheet (the layout of {@link XlsxWriter}): the sheet "题目" (else the first sheet), its
 * first non-blank row as the header, one question per row after it. Blank rows are skipped; rows are numbered as
 * Excel shows them (the header is row 1 in the template). The sheet is streamed (SAX), never loaded whole.
 * <p>
 * Problems of the structure: an unreadable file, an unknown, repeated or missing column, an unknown type, an answer
 * or number that cannot be read, the template's example rows. The questions are checked by the validator later.
 */
public final class XlsxReader {

    /** The most questions one file may hold. */
    public static final int MAX_ROWS = 5000;
    /** The sheet the template names; another workbook's first sheet is read when there is none. */
    public static final String SHEET = "题目";
    /** The template's example rows start their stem with this; such a row is refused. */
    public static final String EXAMPLE_MARK = "【示例】";

    private static final int MAX_COLUMNS = 100;

    private XlsxReader() {
    }

    /** One non-blank row: its number as Excel shows it, its cells as text (blank cells are ""). */
    record Row(int number, List<String> cells) {
        String cell(Integer index) {
            return index != null && index >= 0 && index < cells.size() ? cells.get(index) : "";
        }
    }

    public static ReadResult read(String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName.strip();
        List<Row> rows;
        boolean truncated;
        try {
            Collector collector = new Collector(MAX_ROWS + 1);
            sheet(content, collector);
            rows = collector.rows;
            truncated = collector.truncated;
        } catch (Exception e) { // POI reports a damaged, encrypted or foreign file in many ways
            return ReadResult.failed(Problem.of(Fields.FILE, "quiz.import.error.unreadable", name));
        }
        if (rows.isEmpty()) {
            return ReadResult.failed(Problem.of(Fields.FILE, "quiz.import.error.no-header"));
        }
        Row header = rows.get(0);
        List<Problem> problems = new ArrayList<>();
        Map<XlsxColumn, Integer> columns = columns(header, problems);
        if (!problems.isEmpty()) {
            return new ReadResult(List.of(), problems);
        }
        List<Row> data = rows.subList(1, rows.size());
        if (data.isEmpty()) {
            return ReadResult.failed(Problem.of(Fields.FILE, "quiz.import.error.no-data").atRow(header.number()));
        }
        if (truncated || data.size() > MAX_ROWS) {
            return ReadResult.failed(Problem.of(Fields.FILE, "quiz.import.error.too-many",
                    String.valueOf(MAX_ROWS)));
        }
        List<ReadQuestion> questions = new ArrayList<>();
        for (Row row : data) {
            ReadQuestion q = question(row, columns, problems);
            if (q != null) {
                questions.add(q);
            }
        }
        return new ReadResult(questions, problems);
    }

    // --- one row -----------------------------------------------------------------------------------------------

    private static ReadQuestion question(Row row, Map<XlsxColumn, Integer> columns, List<Problem> problems) {
        int at = row.number();
        Set<String> failed = new HashSet<>();
        String stem = row.cell(columns.get(XlsxColumn.STEM));
        if (stem.startsWith(EXAMPLE_MARK)) {
            problems.add(Problem.of(Fields.STEM, "quiz.import.error.example-row").atRow(at));
            return null;
        }
        QuestionType type = null;
        String typeText = row.cell(columns.get(XlsxColumn.TYPE));
        if (!typeText.isEmpty()) {
            type = Syntax.type(typeText).orElse(null);
            if (type == null) {
                failed.add(Fields.TYPE);
                problems.add(Problem.of(Fields.TYPE, "quiz.import.error.type-unknown", typeText).atRow(at));
            }
        }
        List<String> options = new ArrayList<>();
        for (XlsxColumn c : XlsxColumn.options()) {
            options.add(row.cell(columns.get(c)));
        }
        while (!options.isEmpty() && options.get(options.size() - 1).isEmpty()) {
            options.remove(options.size() - 1);
        }
        String answerText = row.cell(columns.get(XlsxColumn.ANSWER));
        AnswerKey answer = null;
        if (type != null && !answerText.isEmpty()) {
            answer = answer(type, answerText);
            if (answer == null) {
                failed.add(Fields.ANSWER);
                problems.add(Problem.of(Fields.ANSWER, type == QuestionType.JUDGE ? "quiz.import.error.answer-judge"
                        : "quiz.import.error.answer-letters", answerText).atRow(at));
            }
        }
        String difficultyText = row.cell(columns.get(XlsxColumn.DIFFICULTY));
        Integer difficulty = Syntax.integer(difficultyText);
        if (!difficultyText.isEmpty() && difficulty == null) {
            failed.add(Fields.DIFFICULTY);
            problems.add(Problem.of(Fields.DIFFICULTY, "quiz.import.error.difficulty", difficultyText).atRow(at));
        }
        String pointsText = row.cell(columns.get(XlsxColumn.POINTS));
        BigDecimal points = Syntax.decimal(pointsText);
        if (!pointsText.isEmpty() && points == null) {
            failed.add(Fields.POINTS);
            problems.add(Problem.of(Fields.POINTS, "quiz.import.error.points", pointsText).atRow(at));
        }
        Question q = new Question(emptyToNull(row.cell(columns.get(XlsxColumn.ID))), 1,
                emptyToNull(row.cell(columns.get(XlsxColumn.BANK))), type, emptyToNull(stem), options, answer,
                emptyToNull(row.cell(columns.get(XlsxColumn.EXPLANATION))),
                emptyToNull(row.cell(columns.get(XlsxColumn.SOURCE))),
                Syntax.tags(row.cell(columns.get(XlsxColumn.TAGS))),
                emptyToNull(row.cell(columns.get(XlsxColumn.CATEGORY))),
                difficulty != null ? difficulty : QuestionValidator.DEFAULT_DIFFICULTY,
                points != null ? points : failed.contains(Fields.POINTS) ? BigDecimal.ONE
                        : QuestionValidator.defaultPoints(type, blanks(stem)), false);
        return new ReadQuestion(q, at, Map.of(), failed);
    }

    /** The answer of a type from its text; null when it cannot be read (said by the caller). */
    static AnswerKey answer(QuestionType type, String text) {
        return switch (type) {
            case SINGLE, MULTIPLE -> {
                List<Integer> letters = Syntax.letters(text);
                yield letters == null ? null : new AnswerKey.Choices(letters);
            }
            case JUDGE -> {
                Boolean value = Syntax.judge(text);
                yield value == null ? null : new AnswerKey.Judge(value);
            }
            case FILL -> new AnswerKey.Blanks(Syntax.blanks(text));
            case ESSAY -> new AnswerKey.Reference(text);
        };
    }

    private static int blanks(String stem) {
        return stem == null ? 0 : (int) Question.BLANK.matcher(stem).results().count();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // --- the header --------------------------------------------------------------------------------------------

    private static Map<XlsxColumn, Integer> columns(Row header, List<Problem> problems) {
        Map<XlsxColumn, Integer> columns = new EnumMap<>(XlsxColumn.class);
        for (int i = 0; i < header.cells().size(); i++) {
            String text = header.cells().get(i);
            if (text.isEmpty()) {
                continue;
            }
            var column = XlsxColumn.byHeader(text);
            if (column.isEmpty()) {
                problems.add(Problem.of(Fields.HEADER, "quiz.import.error.header-unknown", columnLetter(i), text)
                        .atRow(header.number()));
            } else if (columns.containsKey(column.get())) {
                problems.add(Problem.of(Fields.HEADER, "quiz.import.error.header-duplicate", column.get().header(),
                        columnLetter(columns.get(column.get())), columnLetter(i)).atRow(header.number()));
            } else {
                columns.put(column.get(), i);
            }
        }
        for (XlsxColumn c : XlsxColumn.REQUIRED) {
            if (!columns.containsKey(c)) {
                problems.add(Problem.of(Fields.HEADER, "quiz.import.error.header-missing", c.header())
                        .atRow(header.number()));
            }
        }
        return columns;
    }

    /** Excel's column letters: 0 -> A, 25 -> Z, 26 -> AA. */
    public static String columnLetter(int index) {
        return CellReference.convertNumToColString(index);
    }

    // --- streaming the sheet -----------------------------------------------------------------------------------

    private static void sheet(byte[] content, Collector collector) throws Exception {
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(content))) {
            XSSFReader reader = new XSSFReader(pkg);
            reader.setUseReadOnlySharedStringsTable(true);
            int wanted = 0;
            int index = 0;
            XSSFReader.SheetIterator names = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (names.hasNext()) {
                try (InputStream ignored = names.next()) {
                    if (SHEET.equals(names.getSheetName().strip())) {
                        wanted = index;
                    }
                }
                index++;
            }
            if (index == 0) {
                return;
            }
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            for (int i = 0; i < wanted; i++) {
                sheets.next().close();
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(),
                        reader.getSharedStringsTable(), new RowHandler(collector), new DataFormatter(Locale.ROOT),
                        false));
                parser.parse(new InputSource(sheet));
            } catch (Enough stop) {
                // more rows than allowed: the collector has noted it
            }
        }
    }

    /** Keeps non-blank rows, the header first; says stop once there are more rows than allowed. */
    private static final class Collector {
        private final int maxData;
        private final List<Row> rows = new ArrayList<>();
        private boolean truncated;

        Collector(int maxData) {
            this.maxData = maxData;
        }

        boolean add(Row row) {
            if (row.cells().stream().allMatch(String::isEmpty)) {
                return true;
            }
            if (rows.size() > maxData) {
                truncated = true;
                return false;
            }
            rows.add(row);
            return true;
        }
    }

    private static final class RowHandler implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Collector rows;
        private final Map<Integer, String> cells = new HashMap<>();
        private int lastColumn = -1;

        RowHandler(Collector rows) {
            this.rows = rows;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
            lastColumn = -1;
        }

        @Override
        public void endRow(int rowNum) {
            int width = cells.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
            List<String> list = new ArrayList<>(width);
            for (int i = 0; i < width; i++) {
                list.add(cells.getOrDefault(i, ""));
            }
            if (!rows.add(new Row(rowNum + 1, list))) {
                throw new Enough();
            }
        }

        @Override
        public void cell(String ref, String value, XSSFComment comment) {
            int column = ref == null ? lastColumn + 1 : new CellReference(ref).getCol();
            lastColumn = column;
            if (column >= 0 && column < MAX_COLUMNS) {
                cells.put(column, clean(value));
            }
        }
    }

    /**
     * Strips the ends, non-breaking and full-width spaces (common in pasted text) included; keeps inner line breaks
     * and inner spaces of every kind (an inner U+3000 is text the writer put there).
     */
    static String clean(String v) {
        if (v == null) {
            return "";
        }
        String s = v.replace("\r\n", "\n").replace('\r', '\n');
        int from = 0;
        int to = s.length();
        while (from < to && blank(s.charAt(from))) {
            from++;
        }
        while (to > from && blank(s.charAt(to - 1))) {
            to--;
        }
        return s.substring(from, to);
    }

    private static boolean blank(char c) {
        return Character.isWhitespace(c) || c == '\u00A0';
    }

    /** SheetContentsHandler may not throw checked exceptions; the SAX handler passes this one through. */
    private static final class Enough extends RuntimeException {
        Enough() {
            super("row limit reached", null, false, false);
        }
    }
}
