package org.mingze.quiz;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.mingze.base.audit.AuditLog;
import org.mingze.base.i18n.Languages;
import org.mingze.base.security.CurrentUser;
import org.mingze.base.security.Roles;
import org.mingze.base.validation.Problem;
import org.mingze.base.validation.ValidationException;
import org.mingze.library.IndexableMaterial;
import org.mingze.library.MaterialSource;
import org.mingze.quiz.internal.Origin;
import org.mingze.quiz.internal.QuestionStore;
import org.mingze.quiz.internal.QuestionValidator;
import org.mingze.quiz.internal.StoredQuestion;
import org.mingze.quiz.internal.StoredQuestionRepository;
import org.mingze.quiz.internal.format.Aiken;
import org.mingze.quiz.internal.format.Fields;
import org.mingze.quiz.internal.format.Gift;
import org.mingze.quiz.internal.format.ReadQuestion;
import org.mingze.quiz.internal.format.ReadResult;
import org.mingze.quiz.internal.format.Written;
import org.mingze.quiz.internal.format.XlsxReader;
import org.mingze.quiz.internal.format.XlsxWriter;
import org.mingze.quiz.internal.format.YamlBanks;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk import and export of questions (issue 4 §2): .xlsx (the downloadable template's layout), YAML bank files,
 * Moodle Aiken (.txt) and GIFT (.gift).
 * <p>
 * An import is all or nothing. The whole file is read and every question checked first (the file's structure, then
 * {@link QuestionValidator}, then that each source names a loaded material and section, ids repeated in the file);
 * if anything is wrong nothing is stored, the refusal is audited (QUESTION_IMPORT_REJECTED, in a transaction of its
 * own) and a {@link ValidationException} lists every problem with its row or line ({@link Problem#row()}, 0 for the
 * file as a whole) and field (its "column"). Otherwise every question is stored in one transaction: by id, a new
 * version only when the content changed, never a duplicate; a question without id becomes the bank's next number
 * (unless the bank already holds a question with exactly the same type and stem, which it then updates, so that
 * uploading the same filled-in template twice does not double it). Recorded as QUESTION_IMPORT with the counts;
 * {@link QuestionsChanged} is published.
 * <p>
 * Organisers and administrators import; they and auditors export (QUESTION_EXPORT); learners do neither.
 */
@Service
@Transactional(readOnly = true)
public class QuestionImportService {

    /** The largest file accepted, in bytes (5 MB). */
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    /** The most questions one file may hold. */
    public static final int MAX_QUESTIONS = XlsxReader.MAX_ROWS;

    private static final String MANAGE = "hasAnyRole('" + Roles.ORGANIZER + "','" + Roles.ADMIN + "')";
    private static final String READ = "hasAnyRole('" + Roles.ORGANIZER + "','" + Roles.ADMIN + "','"
            + Roles.AUDITOR + "')";
    private static final Pattern NUMBERED = Pattern.compile("(.+)-(\\d{1,9})");
    private static final String PLACEHOLDER_ID = "new-question";
    private static final List<String> FIELD_ORDER = List.of(Fields.FILE, Fields.HEADER, Fields.QUESTION, Fields.ID,
            Fields.BANK, Fields.TYPE, Fields.STEM, Fields.OPTIONS, Fields.ANSWER, Fields.EXPLANATION, Fields.TAGS,
            Fields.DIFFICULTY, Fields.POINTS, Fields.SOURCE, Fields.CATEGORY);
    private static final int PAGE = 500;

    private final StoredQuestionRepository questions;
    private final QuestionStore store;
    private final QuestionService service;
    private final MaterialSource materials;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;

    QuestionImportService(StoredQuestionRepository questions, QuestionStore store, QuestionService service,
                          MaterialSource materials, AuditLog audit, ApplicationEventPublisher events,
                          MessageSource messages) {
        this.questions = questions;
        this.store = store;
        this.service = service;
        this.materials = materials;
        this.audit = audit;
        this.events = events;
        this.messages = messages;
    }

    // --- import ------------------------------------------------------------------------------------------------

    /**
     * Checks the whole file and, only if every question is right, stores all of them.
     *
     * @param fileName    its name tells the format: .xlsx, .yaml/.yml, .txt (Aiken) or .gift
     * @param defaultBank the bank of questions whose file names none (Aiken always; .xlsx rows with an empty 题库;
     *                    GIFT without $CATEGORY), or null
     * @throws ValidationException with every problem found; nothing was stored
     */
    @PreAuthorize(MANAGE)
    @Transactional
    public QuestionImportResult importFile(String fileName, byte[] content, String defaultBank) {
        String name = fileName == null ? "" : fileName.strip().replaceFirst(".*[/\\\\]", "");
        name = name.isEmpty() ? "?" : name;
        Checked checked;
        try {
            checked = check(name, content, defaultBank == null || defaultBank.isBlank() ? null : defaultBank.strip());
        } catch (ValidationException refused) {
            // the import's own transaction rolls back; the refusal is still a trace worth keeping
            audit.recordOnItsOwn("QUESTION_IMPORT_REJECTED", "question-bank", name, "upload: "
                    + refused.problems().size() + " problems, nothing imported: " + refused.problems().stream()
                    .limit(20).map(p -> (p.row() == 0 ? "" : "row " + p.row() + " ") + p.field() + " " + p.key())
                    .collect(Collectors.joining("; ")));
            throw refused;
        }
        String actor = CurrentUser.actor();
        String from = cut("import:" + name, 300);
        List<String> created = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        int unchanged = 0;
        for (Question q : checked.questions()) {
            StoredQuestion existing = questions.findById(q.id()).orElse(null);
            QuestionStore.Saved saved = store.save(existing, q, Origin.APP, from, actor);
            switch (saved.change()) {
                case CREATED -> created.add(q.id());
                case CHANGED -> updated.add(q.id());
                default -> unchanged++;
            }
        }
        audit.record("QUESTION_IMPORT", "question-bank", name, "upload " + checked.format().name().toLowerCase(Locale.ROOT)
                + ": " + checked.questions().size() + " questions, created " + created.size() + ", updated "
                + updated.size() + ", unchanged " + unchanged + ids("created", created) + ids("updated", updated));
        if (!created.isEmpty() || !updated.isEmpty()) {
            Set<String> changed = new LinkedHashSet<>(created);
            changed.addAll(updated);
            events.publishEvent(new QuestionsChanged(changed, Set.of()));
        }
        return new QuestionImportResult(name, checked.format(), created, updated, unchanged);
    }

    /** The questions of a file, checked and with their ids, ready to store. */
    private record Checked(QuestionFormat format, List<Question> questions) {
    }

    private Checked check(String name, byte[] content, String defaultBank) {
        if (content == null || content.length == 0) {
            throw new ValidationException(Problem.of(Fields.FILE, "quiz.import.error.empty"));
        }
        if (content.length > MAX_BYTES) {
            throw new ValidationException(Problem.of(Fields.FILE, "quiz.import.error.too-large",
                    String.valueOf(MAX_BYTES / 1024 / 1024)));
        }
        if (name.toLowerCase(Locale.ROOT).endsWith(".xls")) {
            throw new ValidationException(Problem.of(Fields.FILE, "quiz.import.error.xls", name));
        }
        QuestionFormat format = QuestionFormat.ofFileName(name).orElseThrow(() -> new ValidationException(
                Problem.of(Fields.FILE, "quiz.import.error.file-type", name)));
        ReadResult read = switch (format) {
            case XLSX -> XlsxReader.read(name, content);
            case YAML -> YamlBanks.read(name, content);
            case AIKEN -> Aiken.read(content);
            case GIFT -> Gift.read(content);
        };
        if (read.questions().size() > MAX_QUESTIONS) {
            throw new ValidationException(Problem.of(Fields.FILE, "quiz.import.error.too-many",
                    String.valueOf(MAX_QUESTIONS)));
        }
        List<Problem> problems = new ArrayList<>(read.problems());
        if (read.questions().isEmpty() && problems.isEmpty()) {
            problems.add(Problem.of(Fields.FILE, "quiz.import.error.no-questions"));
        }
        List<Question> checked = new ArrayList<>();
        Map<String, List<Integer>> linesById = new LinkedHashMap<>();
        for (ReadQuestion rq : read.questions()) {
            Question q = rq.question();
            if (q.bank() == null && defaultBank != null) {
                q = with(q, q.id(), defaultBank);
            }
            q = QuestionValidator.normalise(q);
            List<Problem> own = new ArrayList<>();
            for (Problem p : QuestionValidator.validate(q.id() == null ? with(q, PLACEHOLDER_ID, q.bank()) : q)) {
                if (rq.failed().contains(p.field())) {
                    continue; // the reader said it more precisely
                }
                own.add(p.key().equals("quiz.error.bank.required")
                        ? Problem.of(Fields.BANK, "quiz.import.error.bank-required") : p);
            }
            if (own.stream().noneMatch(p -> p.field().equals(Fields.SOURCE))) {
                checkSource(q, own);
            }
            own.forEach(p -> problems.add(p.atRow(rq.lineOf(p.field()))));
            if (q.id() != null) {
                linesById.computeIfAbsent(q.id(), k -> new ArrayList<>()).add(rq.line());
            }
            checked.add(q);
        }
        linesById.forEach((id, lines) -> {
            if (lines.size() > 1) {
                for (int line : lines) {
                    String others = lines.stream().filter(o -> o != line).map(String::valueOf)
                            .collect(Collectors.joining("、"));
                    problems.add(Problem.of(Fields.ID, "quiz.import.error.duplicate-id", id, others).atRow(line));
                }
            }
        });
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(Problem::row).thenComparingInt(p -> order(p.field())));
            throw new ValidationException(problems);
        }
        return new Checked(format, withIds(checked));
    }

    private static int order(String field) {
        int i = FIELD_ORDER.indexOf(field);
        return i < 0 ? FIELD_ORDER.size() : i;
    }

    /** The source must name a loaded material and, when it has an anchor, one of that material's sections. */
    private void checkSource(Question q, List<Problem> problems) {
        String material = q.sourceMaterial();
        if (material == null) {
            return;
        }
        Optional<IndexableMaterial> m = materials.find(material);
        if (m.isEmpty()) {
            problems.add(Problem.of(Fields.SOURCE, "quiz.error.source.unknown", material));
            return;
        }
        String anchor = q.sourceAnchor();
        if (anchor != null && m.get().sections().stream().noneMatch(s -> anchor.equals(s.anchor()))) {
            problems.add(Problem.of(Fields.SOURCE, "quiz.error.source.anchor-unknown", m.get().title(), anchor));
        }
    }

    /**
     * Questions without id: the id of the one question of the same bank with the same type and stem, else the bank's
     * next number (its most used prefix, numbered on from the highest number in use or in the file).
     */
    private List<Question> withIds(List<Question> checked) {
        Set<String> taken = new HashSet<>(questions.allIds());
        checked.stream().map(Question::id).filter(id -> id != null).forEach(taken::add);
        Map<String, List<StoredQuestion>> byBank = new HashMap<>();
        List<Question> result = new ArrayList<>();
        for (Question q : checked) {
            if (q.id() != null) {
                result.add(q);
                continue;
            }
            List<StoredQuestion> bank = byBank.computeIfAbsent(q.bank(), questions::findByBankOrderByIdAsc);
            List<StoredQuestion> same = bank.stream().filter(s -> s.getType() == q.type()
                    && q.stem().equals(s.getStem())).toList();
            String id;
            if (same.size() == 1 && result.stream().noneMatch(r -> r.id().equals(same.get(0).getId()))) {
                id = same.get(0).getId();
            } else {
                id = nextId(q.bank(), bank, checked, taken);
                taken.add(id);
            }
            result.add(with(q, id, q.bank()));
        }
        return result;
    }

    private static String nextId(String bank, List<StoredQuestion> stored, List<Question> inFile, Set<String> taken) {
        Map<String, Integer> prefixes = new HashMap<>();
        List<String> bankIds = new ArrayList<>(stored.stream().map(StoredQuestion::getId).toList());
        inFile.stream().filter(q -> q.id() != null && bank.equals(q.bank())).forEach(q -> bankIds.add(q.id()));
        for (String id : bankIds) {
            Matcher m = NUMBERED.matcher(id);
            if (m.matches()) {
                prefixes.merge(m.group(1), 1, Integer::sum);
            }
        }
        String prefix = prefixes.entrySet().stream()
                .min(Comparator.comparing((Map.Entry<String, Integer> e) -> -e.getValue())
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey).orElse("q");
        long max = 0;
        int width = 3;
        for (String id : taken) {
            Matcher m = NUMBERED.matcher(id);
            if (m.matches() && m.group(1).equals(prefix)) {
                max = Math.max(max, Long.parseLong(m.group(2)));
                width = Math.max(width, m.group(2).length());
            }
        }
        String id;
        do {
            max++;
            id = prefix + "-" + String.format("%0" + width + "d", max);
        } while (taken.contains(id));
        return id;
    }

    // --- template ----------------------------------------------------------------------------------------------

    /** The .xlsx template: the header, one example row per type (refused until rewritten) and "填写说明". */
    @PreAuthorize(MANAGE)
    public byte[] templateXlsx() {
        return XlsxWriter.template(examples(), text());
    }

    private static List<Question> examples() {
        String bank = "示例题库";
        String source = "zhuti/diyi-zeren#一什么是第一责任人";
        String mark = XlsxReader.EXAMPLE_MARK;
        return List.of(
                new Question(null, 1, bank, QuestionType.SINGLE, mark + "落实全面从严治党主体责任，谁是第一责任人？",
                        List.of("党委副书记", "党委书记", "纪委书记", "政治处主任"),
                        new AnswerKey.Choices(List.of(1)), "党委书记对本单位党风廉政建设负总责，是第一责任人。", source,
                        List.of("第一责任人", "主体责任"), "主体责任", 1, BigDecimal.ONE, false),
                new Question(null, 1, bank, QuestionType.MULTIPLE, mark + "主体责任由哪几部分构成？",
                        List.of("领导班子的集体责任", "党委书记的第一责任", "班子成员的一岗双责", "纪委的监督责任"),
                        new AnswerKey.Choices(List.of(0, 1, 2)), "纪委承担的是监督责任，不是主体责任的组成部分。",
                        source, List.of("主体责任"), "主体责任", 2, BigDecimal.valueOf(2), false),
                new Question(null, 1, bank, QuestionType.JUDGE, mark + "纪委的监督责任是主体责任的组成部分。",
                        List.of(), new AnswerKey.Judge(false), "主体责任与监督责任合称“两个责任”，监督责任不属于主体责任。",
                        source, List.of("两个责任"), "主体责任", 2, BigDecimal.ONE, false),
                new Question(null, 1, bank, QuestionType.FILL, mark + "集体责任是___，一岗双责是___。", List.of(),
                        new AnswerKey.Blanks(List.of(List.of("基础"), List.of("支撑", "支柱"))),
                        "集体责任是基础，第一责任是关键，一岗双责是支撑。", source, List.of("主体责任", "一岗双责"),
                        "主体责任", 3, BigDecimal.valueOf(2), false),
                new Question(null, 1, bank, QuestionType.ESSAY, mark + "简述党委书记如何履行第一责任人职责。",
                        List.of(), new AnswerKey.Reference("1. 带头研究部署；\n2. 带头示范；\n3. 带头监督检查。"),
                        "评分看三个“带头”是否完整、具体。", source, List.of("第一责任人"), "主体责任", 3,
                        BigDecimal.valueOf(6), false));
    }

    /** The Chinese text of an i18n key of the spreadsheet's instructions (with the import's limits). */
    private Function<String, String> text() {
        Object[] limits = {String.valueOf(MAX_QUESTIONS), String.valueOf(MAX_BYTES / 1024 / 1024)};
        return key -> messages.getMessage(key, limits, Languages.CHINESE);
    }

    // --- export ------------------------------------------------------------------------------------------------

    /**
     * The selected questions (current versions, by bank and id) as a file of the format: .xlsx; YAML (one .yaml for
     * one bank, a .zip of one .yaml per bank for several); Aiken (.txt, single choice only: the others are skipped
     * and named); GIFT (.gift). Recorded as QUESTION_EXPORT.
     *
     * @throws ValidationException when nothing matches the selection
     */
    @PreAuthorize(READ)
    @Transactional
    public QuestionExport export(QuestionSelection selection, QuestionFormat format) {
        QuestionSelection sel = selection == null ? QuestionSelection.all() : selection;
        List<Question> selected = select(sel);
        if (selected.isEmpty()) {
            throw new ValidationException(Problem.of("selection", "quiz.export.error.empty"));
        }
        List<String> banks = selected.stream().map(Question::bank).distinct().toList();
        String base = banks.size() == 1 ? YamlBanks.fileName(banks.get(0)).replaceFirst("\\.yaml$", "")
                : messages.getMessage("quiz.export.file", null, Languages.CHINESE);
        QuestionExport export = switch (format) {
            case XLSX -> file(base + ".xlsx", format.contentType(), XlsxWriter.write(selected, text()));
            case AIKEN -> file(base + ".txt", format.contentType(), Aiken.write(selected));
            case GIFT -> file(base + ".gift", format.contentType(), Gift.write(selected));
            case YAML -> {
                Map<String, Written> files = YamlBanks.writeByBank(selected);
                if (files.size() == 1) {
                    yield file(base + ".yaml", format.contentType(), files.values().iterator().next());
                }
                List<Map.Entry<String, byte[]>> entries = new ArrayList<>();
                files.forEach((bank, w) -> entries.add(Map.entry(YamlBanks.fileName(bank), w.bytes())));
                yield new QuestionExport(base + ".zip", "application/zip", YamlBanks.zip(entries), selected.size(),
                        List.of(), List.of());
            }
        };
        audit.record("QUESTION_EXPORT", "question-bank", export.fileName(), format.name().toLowerCase(Locale.ROOT) + ": "
                + export.questions() + " questions" + (export.skipped().isEmpty() ? ""
                : ", " + export.skipped().size() + " skipped") + "; selection: " + describe(sel));
        return export;
    }

    private static QuestionExport file(String name, String type, Written w) {
        return new QuestionExport(name, type, w.bytes(), w.count(), notes(w.skipped()), notes(w.notes()));
    }

    private static List<QuestionExport.Note> notes(List<Written.Note> notes) {
        return notes.stream().map(n -> new QuestionExport.Note(n.questionId(), n.key(), n.args())).toList();
    }

    /** The current versions of the selected questions, by bank and id. */
    private List<Question> select(QuestionSelection sel) {
        List<QuestionFilter> filters = sel.banks().isEmpty() ? List.of(sel.filter())
                : sel.banks().stream().map(b -> sel.filter().withBank(b)).toList();
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (QuestionFilter f : filters) {
            for (int page = 0; ; page++) {
                QuestionPage p = service.search(f, page, PAGE);
                p.rows().forEach(r -> ids.add(r.id()));
                if ((long) (page + 1) * PAGE >= p.total() || p.rows().isEmpty()) {
                    break;
                }
            }
        }
        Map<String, StoredQuestion> byId = questions.findAllById(ids).stream()
                .collect(Collectors.toMap(StoredQuestion::getId, Function.identity()));
        List<StoredQuestion> ordered = ids.stream().map(byId::get).filter(s -> s != null)
                .sorted(Comparator.comparing(StoredQuestion::getBank).thenComparing(StoredQuestion::getId)).toList();
        return store.current(ordered);
    }

    private static String describe(QuestionSelection sel) {
        QuestionFilter f = sel.filter();
        List<String> parts = new ArrayList<>();
        parts.add(sel.banks().isEmpty() ? "all banks" : "banks " + String.join("、", sel.banks()));
        if (f.bank() != null && !f.bank().isBlank()) {
            parts.add("bank " + f.bank());
        }
        if (f.tag() != null && !f.tag().isBlank()) {
            parts.add("tag " + f.tag());
        }
        if (f.category() != null && !f.category().isBlank()) {
            parts.add("category " + f.category());
        }
        if (f.type() != null) {
            parts.add("type " + f.type().code());
        }
        if (f.difficulty() != null) {
            parts.add("difficulty " + f.difficulty());
        }
        if (f.material() != null && !f.material().isBlank()) {
            parts.add("material " + f.material());
        }
        if (f.text() != null && !f.text().isBlank()) {
            parts.add("text \"" + f.text().strip() + "\"");
        }
        if (f.includeRetired()) {
            parts.add("retired included");
        }
        return String.join(", ", parts);
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private static Question with(Question q, String id, String bank) {
        return new Question(id, q.version(), bank, q.type(), q.stem(), q.options(), q.answer(), q.explanation(),
                q.source(), q.tags(), q.category(), q.difficulty(), q.points(), q.retired());
    }

    private static String ids(String label, List<String> ids) {
        return ids.isEmpty() ? "" : "; " + label + ": " + String.join(" ", ids);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
