package org.mingze.org;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.mingze.base.audit.AuditLog;
import org.mingze.base.i18n.Languages;
import org.mingze.base.security.Roles;
import org.mingze.base.validation.Problem;
import org.mingze.base.validation.ValidationException;
import org.mingze.org.internal.Member;
import org.mingze.org.internal.MemberColumn;
import org.mingze.org.internal.MemberImportTemplate;
import org.mingze.org.internal.MemberRepository;
import org.mingze.org.internal.MemberRules;
import org.mingze.org.internal.MemberSheetReader;
import org.mingze.org.internal.MemberSheetReader.Row;
import org.mingze.org.internal.MemberSheetReader.Sheet;
import org.mingze.org.internal.Unit;
import org.mingze.org.internal.UnitRepository;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk import of members from .xlsx or .csv, all or nothing. The whole file is checked first (every row, every
 * column); if anything is wrong nothing is stored and every problem is reported with its row (as Excel numbers it,
 * the header is row 1), its column ({@link Problem#field()}: "name", "employeeNo", "unit", "post", "leader",
 * "partyMember", "phone", or "header" / "file") and an i18n key that says what is wrong and how to fix it.
 * Otherwise all rows are stored in one transaction and one MEMBER_IMPORT audit entry records the counts.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('" + Roles.ADMIN + "','" + Roles.ORGANIZER + "')")
public class MemberImportService {

    /** The most data rows one file may hold. */
    public static final int MAX_ROWS = 5000;
    /** The largest file accepted, in bytes (5 MB). */
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String CSV_TYPE = "text/csv";

    private static final Pattern PATH_SEPARATOR = Pattern.compile("\\s*[/／>＞]\\s*");
    private static final Set<String> YES = Set.of("是", "y", "yes", "true", "1", "√", "✓");
    private static final Set<String> NO = Set.of("否", "n", "no", "false", "0", "×", "✗");

    private final MemberService memberService;
    private final OrgService org;
    private final MemberRepository members;
    private final UnitRepository units;
    private final AuditLog audit;
    private final MessageSource messages;

    MemberImportService(MemberService memberService, OrgService org, MemberRepository members, UnitRepository units,
                        AuditLog audit, MessageSource messages) {
        this.memberService = memberService;
        this.org = org;
        this.members = members;
        this.units = units;
        this.audit = audit;
        this.messages = messages;
    }

    /**
     * Checks the whole file and, only if every row is right, stores all of it.
     *
     * @throws ValidationException with every problem found; nothing was stored
     */
    @Transactional
    public MemberImportResult importFile(String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName.strip().replaceFirst(".*[/\\\\]", "");
        name = name.isEmpty() ? "?" : name;
        List<MemberData> rows;
        try {
            rows = check(name, content);
        } catch (ValidationException refused) {
            // the import's own transaction rolls back; the refusal is still a trace worth keeping
            audit.recordOnItsOwn("MEMBER_IMPORT_REJECTED", "member", null, name + ": "
                    + refused.problems().size() + " problems, nothing imported");
            throw refused;
        }
        MemberService.StoredCounts counts = memberService.storeChecked(rows);
        audit.record("MEMBER_IMPORT", "member", null, name + ": " + rows.size() + " rows, " + counts.created()
                + " created, " + counts.updated() + " updated, " + counts.unchanged() + " unchanged");
        return new MemberImportResult(name, counts.created(), counts.updated(), counts.unchanged());
    }

    /** The .xlsx template: the header, one example row, and a sheet "填写说明" with the rules and the person's units. */
    public byte[] templateXlsx() {
        UnitIndex index = new UnitIndex(units.findAll());
        List<String> mine = org.manageableUnits().stream().map(u -> index.label(u.id())).toList();
        Object[] limits = {String.valueOf(MAX_ROWS), String.valueOf(MAX_BYTES / 1024 / 1024)};
        Function<String, String> text = key -> messages.getMessage(key, limits, Languages.CHINESE);
        return MemberImportTemplate.xlsx(MemberImportTemplate.exampleRow(exampleUnit(index)), mine, text);
    }

    /** The .csv template (UTF-8 with BOM): the header and one example row. */
    public byte[] templateCsv() {
        return MemberImportTemplate.csv(MemberImportTemplate.exampleRow(exampleUnit(new UnitIndex(units.findAll()))));
    }

    /** A branch the person manages (a group or committee if there is none), as the example row's unit. */
    private String exampleUnit(UnitIndex index) {
        List<UnitNode> mine = org.manageableUnits();
        return mine.stream().filter(u -> u.kind() == UnitKind.BRANCH).findFirst()
                .or(() -> mine.stream().findFirst()).map(u -> index.label(u.id())).orElse("某某党支部");
    }

    private List<MemberData> check(String name, byte[] content) {
        if (content == null || content.length == 0) {
            throw new ValidationException(Problem.of("file", "import.error.empty"));
        }
        if (content.length > MAX_BYTES) {
            throw new ValidationException(Problem.of("file", "import.error.too-large", MAX_BYTES / 1024 / 1024));
        }
        Sheet sheet = MemberSheetReader.read(name, content, MAX_ROWS);
        if (sheet.header() == null) {
            throw new ValidationException(Problem.of("file", "import.error.empty"));
        }
        Map<MemberColumn, Integer> columns = columns(sheet.header());
        if (sheet.truncated()) {
            throw new ValidationException(Problem.of("file", "import.error.too-many-rows", String.valueOf(MAX_ROWS)));
        }
        if (sheet.rows().isEmpty()) {
            throw new ValidationException(Problem.of("file", "import.error.no-data").atRow(sheet.header().number()));
        }

        UnitIndex index = new UnitIndex(units.findAll());
        Map<Long, Boolean> manageable = new HashMap<>();
        List<Problem> problems = new ArrayList<>();
        List<MemberData> checked = new ArrayList<>();
        Map<String, List<Integer>> rowsByNumber = new LinkedHashMap<>();
        for (Row row : sheet.rows()) {
            List<Problem> rowProblems = new ArrayList<>();
            Function<MemberColumn, String> cell = c -> row.cell(columns.get(c));
            boolean leader = yesNo(cell.apply(MemberColumn.LEADER), false, MemberColumn.LEADER, rowProblems);
            boolean party = yesNo(cell.apply(MemberColumn.PARTY_MEMBER), true, MemberColumn.PARTY_MEMBER,
                    rowProblems);
            String unitText = cell.apply(MemberColumn.UNIT);
            Long unitId = unitText.isEmpty() ? null : index.resolve(unitText, rowProblems);
            MemberData d = MemberRules.normalise(new MemberData(cell.apply(MemberColumn.NAME),
                    cell.apply(MemberColumn.EMPLOYEE_NO), unitId, cell.apply(MemberColumn.POST), leader, party,
                    cell.apply(MemberColumn.PHONE)));
            if (MemberImportTemplate.isExample(d.name(), d.employeeNo())) {
                problems.add(Problem.of("name", "import.error.example-row").atRow(row.number()));
                continue;
            }
            for (Problem p : MemberRules.check(d)) {
                if ("member.error.unit-required".equals(p.key())) {
                    if (unitText.isEmpty()) {
                        rowProblems.add(Problem.of("unit", "import.error.unit-required"));
                    } // else: the unit was named but not found, already said
                } else {
                    rowProblems.add(p);
                }
            }
            if (unitId != null && !manageable.computeIfAbsent(unitId, org::canManage)) {
                rowProblems.add(Problem.of("unit", "import.error.unit-out-of-scope", index.label(unitId)));
            }
            if (MemberRules.EMPLOYEE_NO.matcher(d.employeeNo()).matches()) {
                rowsByNumber.computeIfAbsent(d.employeeNo(), k -> new ArrayList<>()).add(row.number());
            }
            rowProblems.forEach(p -> problems.add(p.atRow(row.number())));
            if (rowProblems.isEmpty()) {
                checked.add(d);
            }
        }
        rowsByNumber.forEach((no, rows) -> {
            if (rows.size() > 1) {
                for (int r : rows) {
                    String others = rows.stream().filter(o -> o != r).map(String::valueOf)
                            .collect(Collectors.joining("、"));
                    problems.add(Problem.of("employeeNo", "import.error.duplicate-in-file", no, others).atRow(r));
                }
            }
        });
        List<String> numbers = new ArrayList<>(rowsByNumber.keySet());
        for (int i = 0; i < numbers.size(); i += 500) {
            for (Member m : members.findByEmployeeNoIn(numbers.subList(i, Math.min(numbers.size(), i + 500)))) {
                if (!manageable.computeIfAbsent(m.getUnitId(), org::canManage)) {
                    for (int r : rowsByNumber.get(m.getEmployeeNo())) {
                        problems.add(Problem.of("employeeNo", "import.error.member-out-of-scope", m.getEmployeeNo())
                                .atRow(r));
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            List<String> order = Arrays.stream(MemberColumn.values()).map(MemberColumn::field).toList();
            problems.sort(Comparator.comparingInt(Problem::row).thenComparingInt(p -> order.indexOf(p.field())));
            throw new ValidationException(problems);
        }
        return checked;
    }

    /** Maps each column to its index in the header; throws with every header problem. */
    private static Map<MemberColumn, Integer> columns(Row header) {
        Map<MemberColumn, Integer> columns = new EnumMap<>(MemberColumn.class);
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < header.cells().size(); i++) {
            String text = header.cells().get(i);
            if (text.isEmpty()) {
                continue;
            }
            var column = MemberColumn.byHeader(text);
            if (column.isEmpty()) {
                problems.add(Problem.of("header", "import.error.header-unknown", columnLetter(i), text));
            } else if (columns.containsKey(column.get())) {
                problems.add(Problem.of("header", "import.error.header-duplicate", column.get().header(),
                        columnLetter(columns.get(column.get())), columnLetter(i)));
            } else {
                columns.put(column.get(), i);
            }
        }
        for (MemberColumn c : MemberColumn.values()) {
            if (!columns.containsKey(c)) {
                problems.add(Problem.of("header", "import.error.header-missing", c.header()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems.stream().map(p -> p.atRow(header.number())).toList());
        }
        return columns;
    }

    /** Excel's column letters: 0 -> A, 25 -> Z, 26 -> AA. */
    static String columnLetter(int index) {
        StringBuilder sb = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            sb.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return sb.toString();
    }

    private static boolean yesNo(String text, boolean blank, MemberColumn column, List<Problem> problems) {
        String v = text.strip().toLowerCase(Locale.ROOT);
        if (v.isEmpty()) {
            return blank;
        }
        if (YES.contains(v)) {
            return true;
        }
        if (NO.contains(v)) {
            return false;
        }
        problems.add(Problem.of(column.field(), "import.error.yes-no", column.header(), text));
        return blank;
    }

    /** The active units by name and by path of names ("市公安局党委/城关派出所党支部"). */
    private static final class UnitIndex {
        private final Map<Long, Unit> byId;
        private final Map<Long, List<String>> namePath = new HashMap<>();
        private final Map<String, Long> activeNameCount;

        UnitIndex(List<Unit> all) {
            byId = all.stream().collect(Collectors.toMap(Unit::getId, Function.identity()));
            for (Unit u : all) {
                List<String> names = new ArrayList<>();
                for (String id : u.getPath().split("/")) {
                    if (!id.isEmpty()) {
                        Unit step = byId.get(Long.valueOf(id));
                        names.add(step == null ? "?" : step.getName());
                    }
                }
                namePath.put(u.getId(), names);
            }
            activeNameCount = all.stream().filter(Unit::isActive)
                    .collect(Collectors.groupingBy(Unit::getName, Collectors.counting()));
        }

        /** The unit's name, or its path of names when another active unit has the same name. */
        String label(long id) {
            Unit u = byId.get(id);
            if (u == null) {
                return "?";
            }
            return activeNameCount.getOrDefault(u.getName(), 0L) > 1 ? String.join("/", namePath.get(id))
                    : u.getName();
        }

        /**
         * The active unit a cell names: by its name, or by the end of its path of names. Adds a problem and
         * returns null when there is none or more than one.
         */
        Long resolve(String text, List<Problem> problems) {
            List<String> wanted = Arrays.stream(PATH_SEPARATOR.split(text.strip())).filter(s -> !s.isEmpty())
                    .toList();
            List<Unit> matches = byId.values().stream().filter(Unit::isActive)
                    .filter(u -> endsWith(namePath.get(u.getId()), wanted))
                    .sorted(Comparator.comparing(Unit::getPath)).toList();
            if (matches.size() == 1) {
                return matches.get(0).getId();
            }
            if (matches.isEmpty()) {
                problems.add(Problem.of("unit", "import.error.unit-unknown", text));
            } else {
                problems.add(Problem.of("unit", "import.error.unit-ambiguous", text, matches.size(),
                        String.join("/", namePath.get(matches.get(0).getId()))));
            }
            return null;
        }

        private static boolean endsWith(List<String> path, List<String> wanted) {
            if (wanted.isEmpty() || wanted.size() > path.size()) {
                return false;
            }
            return path.subList(path.size() - wanted.size(), path.size()).equals(wanted);
        }
    }
}
