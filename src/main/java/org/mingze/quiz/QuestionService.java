package org.mingze.quiz;

import jakarta.persistence.criteria.Predicate;
import java.math.BigDecimal;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mingze.base.audit.AuditLog;
import org.mingze.base.i18n.Languages;
import org.mingze.base.security.CurrentUser;
import org.mingze.base.security.Roles;
import org.mingze.base.validation.Problem;
import org.mingze.base.validation.ValidationException;
import org.mingze.library.IndexableMaterial;
import org.mingze.library.MaterialSource;
import org.mingze.quiz.internal.BankProblem;
import org.mingze.quiz.internal.Origin;
import org.mingze.quiz.internal.QuestionStore;
import org.mingze.quiz.internal.QuestionValidator;
import org.mingze.quiz.internal.QuizContent;
import org.mingze.quiz.internal.StemSimilarity;
import org.mingze.quiz.internal.StoredQuestion;
import org.mingze.quiz.internal.StoredQuestionRepository;
import org.mingze.quiz.internal.grading.Grader;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The question bank for the people who maintain it: organisers and administrators list, edit, retire and restore
 * questions; auditors read; learners are refused (practice hands them questions without answers). Editing makes a
 * new version only when the content changed; earlier versions stay as they were. Every change is in the audit log
 * and announced with {@link QuestionsChanged}.
 */
@Service
@Transactional(readOnly = true)
public class QuestionService {

    private static final String MANAGE = "hasAnyRole('" + Roles.ORGANIZER + "','" + Roles.ADMIN + "')";
    private static final String READ = "hasAnyRole('" + Roles.ORGANIZER + "','" + Roles.ADMIN + "','"
            + Roles.AUDITOR + "')";
    private static final String ADMIN = "hasRole('" + Roles.ADMIN + "')";
    /** How many near-duplicates {@link #similarStems} names at most. */
    private static final int MAX_SIMILAR = 5;
    private static final Pattern NUMBERED = Pattern.compile("(.+)-(\\d+)");

    private final StoredQuestionRepository questions;
    private final QuestionStore store;
    private final QuizContent content;
    private final MaterialSource materials;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;

    QuestionService(StoredQuestionRepository questions, QuestionStore store, QuizContent content,
                    MaterialSource materials, AuditLog audit, ApplicationEventPublisher events,
                    MessageSource messages) {
        this.questions = questions;
        this.store = store;
        this.content = content;
        this.materials = materials;
        this.audit = audit;
        this.events = events;
        this.messages = messages;
    }

    // --- reading -----------------------------------------------------------------------------------------------

    /** One page of the questions matching the filter, by bank and id, with the counts per type. */
    @PreAuthorize(READ)
    public QuestionPage search(QuestionFilter filter, int page, int size) {
        QuestionFilter f = filter == null ? QuestionFilter.all() : filter;
        Specification<StoredQuestion> spec = spec(f);
        Page<StoredQuestion> found = questions.findAll(spec, PageRequest.of(Math.max(0, page),
                Math.max(1, Math.min(size, 500)), Sort.by("bank", "id")));
        Map<QuestionType, Long> byType = new EnumMap<>(QuestionType.class);
        for (QuestionType t : QuestionType.values()) {
            byType.put(t, f.type() != null && f.type() != t ? 0L
                    : questions.count(spec.and((root, q, cb) -> cb.equal(root.get("type"), t))));
        }
        List<QuestionRow> rows = found.getContent().stream().map(QuestionService::row).toList();
        return new QuestionPage(rows, found.getNumber(), found.getSize(), found.getTotalElements(), byType);
    }

    /** The current version of a question (retired ones too, flagged). */
    @PreAuthorize(READ)
    public Optional<Question> get(String id) {
        return store.current(id);
    }

    /** A given version of a question, current or earlier. */
    @PreAuthorize(READ)
    public Optional<Question> get(String id, int version) {
        return store.version(id, version);
    }

    /** Every version of a question, oldest first. */
    @PreAuthorize(READ)
    public List<QuestionVersionInfo> history(String id) {
        Optional<StoredQuestion> s = id == null ? Optional.empty() : questions.findById(id);
        if (s.isEmpty()) {
            return List.of();
        }
        int current = s.get().getCurrentVersion();
        return store.history(id).stream().map(v -> new QuestionVersionInfo(v.getVersion(), v.getCreatedAt(),
                v.getCreatedBy(), v.getCreatedFrom(), v.getVersion() == current)).toList();
    }

    /** The banks in Chinese collation order, with their counts. */
    @PreAuthorize(READ)
    public List<BankSummary> banks() {
        Collator collator = Collator.getInstance(Languages.CHINESE);
        return questions.bankCounts().stream()
                .map(r -> new BankSummary((String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue()))
                .sorted(Comparator.comparing(BankSummary::name, collator)).toList();
    }

    /** The tags of the questions in use, in Chinese collation order. */
    @PreAuthorize(READ)
    public List<String> tags() {
        return questions.activeTags().stream().sorted(Collator.getInstance(Languages.CHINESE)).toList();
    }

    /** The categories of the questions in use, in Chinese collation order. */
    @PreAuthorize(READ)
    public List<String> categories() {
        return questions.activeCategories().stream().sorted(Collator.getInstance(Languages.CHINESE)).toList();
    }

    /**
     * The questions (in use) whose stem is nearly the same as {@code stem} ({@link StemSimilarity}, from 0.8 on), most
     * alike first, at most five; {@code excludeId} (the question being edited) is left out.
     */
    @PreAuthorize(READ)
    public List<SimilarQuestion> similarStems(String stem, String excludeId) {
        var mine = StemSimilarity.bigrams(StemSimilarity.normalise(stem));
        if (mine.isEmpty()) {
            return List.of();
        }
        List<SimilarQuestion> similar = new ArrayList<>();
        for (Object[] r : questions.stems()) {
            String id = (String) r[0];
            if (id.equals(excludeId)) {
                continue;
            }
            double s = StemSimilarity.jaccard(mine, StemSimilarity.bigrams(StemSimilarity.normalise((String) r[1])));
            if (s >= StemSimilarity.NEARLY_THE_SAME) {
                similar.add(new SimilarQuestion(id, (String) r[2], (String) r[1], s, (Boolean) r[3]));
            }
        }
        similar.sort(Comparator.comparingDouble(SimilarQuestion::similarity).reversed()
                .thenComparing(SimilarQuestion::id));
        return similar.size() > MAX_SIMILAR ? List.copyOf(similar.subList(0, MAX_SIMILAR)) : similar;
    }

    /** The questions in use whose source is this material (for its study check), by id. */
    @PreAuthorize(READ)
    public List<Question> ofMaterial(String materialId) {
        return store.ofMaterial(materialId);
    }

    // --- for the editor: source picker, a check before saving, the preview's feedback ---------------------------

    /** How the editor's picker separates a material's title from a section heading. */
    public static final String SOURCE_SEPARATOR = " › ";
    /** The reader's address of a material; {@code #anchor} scrolls to a section (library's ReaderView). */
    private static final String READER_ROUTE = "library/read/";

    /**
     * What a question may cite as its source: each material in use (archived ones are left out), by title in Chinese
     * collation order, followed by its sections in document order ({@code materialId#anchor}, labelled
     * "资料标题 › 小节标题").
     */
    @PreAuthorize(READ)
    public List<SourceChoice> sourceChoices() {
        Collator collator = Collator.getInstance(Languages.CHINESE);
        List<SourceChoice> choices = new ArrayList<>();
        materials.all().stream().filter(m -> !m.archived())
                .sorted(Comparator.comparing(IndexableMaterial::title, collator).thenComparing(IndexableMaterial::id))
                .forEach(m -> {
                    choices.add(new SourceChoice(m.id(), m.title()));
                    for (IndexableMaterial.Section s : m.sections()) {
                        if (s.anchor() != null && !s.anchor().isBlank()) {
                            choices.add(new SourceChoice(m.id() + "#" + s.anchor(),
                                    m.title() + SOURCE_SEPARATOR + s.heading()));
                        }
                    }
                });
        return choices;
    }

    /**
     * Every problem {@link #save} would find in the draft now, without saving anything: the editor checks before it
     * sends; {@link #save} checks again and stays the authority (someone may save the same question meanwhile).
     */
    @PreAuthorize(READ)
    public List<Problem> check(Question draft) {
        if (draft == null) {
            return List.of(Problem.of(QuestionValidator.F_TYPE, "quiz.error.type.required"));
        }
        boolean create = draft.version() <= 0;
        Question q = QuestionValidator.normalise(draft);
        if (create && q.id() == null && q.bank() != null) {
            q = withId(q, nextId(q.bank()));
        }
        List<Problem> problems = new ArrayList<>(QuestionValidator.validate(q));
        if (create && q.id() != null && draft.id() != null && questions.existsById(q.id())) {
            problems.add(Problem.of(QuestionValidator.F_ID, "quiz.error.id.taken", q.id()));
        }
        if (problems.stream().noneMatch(p -> p.field().equals(QuestionValidator.F_SOURCE))) {
            checkSource(q, problems);
        }
        return problems;
    }

    /**
     * What a learner would see after answering the draft with {@code response} in practice: the grade (multiple
     * choice with 少选得一半分), the correct answer, the explanation and the link to the source section. Stores
     * nothing; for the editor's preview.
     */
    @PreAuthorize(READ)
    public Feedback previewFeedback(Question draft, Response response) {
        BigDecimal max = draft.points() == null || draft.points().signum() <= 0
                ? QuestionValidator.defaultPoints(draft.type(), draft.blankCount()) : draft.points();
        Grade grade = Grader.grade(draft, response, max, MultiplePolicy.HALF_FOR_SUBSET);
        String source = draft.source() == null || draft.source().isBlank() ? null : draft.source().strip();
        String title = null;
        if (source != null) {
            String material = draft.sourceMaterial();
            String anchor = draft.sourceAnchor();
            title = materials.find(material).map(m -> m.title() + (anchor == null ? "" : m.sections().stream()
                    .filter(s -> anchor.equals(s.anchor())).findFirst()
                    .map(s -> SOURCE_SEPARATOR + s.heading()).orElse(""))).orElse(source);
        }
        return new Feedback(grade, draft.answer(), draft.explanation(), source == null ? null : READER_ROUTE + source,
                title);
    }

    // --- changing ----------------------------------------------------------------------------------------------

    /**
     * Creates or edits a question. {@code version} 0 creates one (a blank id is given the bank's next number, e.g.
     * ztzr-059); otherwise it is the version the editor started from, and the save is refused if someone saved
     * another version meanwhile. The question is checked first ({@link QuestionValidator}, the source must name a
     * loaded material and one of its sections); a {@link ValidationException} carries every problem, in Chinese.
     * A new version is stored only when the content changed. Recorded as QUESTION_CREATE or QUESTION_EDIT.
     *
     * @return the question as now current (its version unchanged when nothing changed)
     */
    @PreAuthorize(MANAGE)
    @Transactional
    public Question save(Question draft) {
        if (draft == null) {
            throw new ValidationException(Problem.of(QuestionValidator.F_TYPE, "quiz.error.type.required"));
        }
        boolean create = draft.version() <= 0;
        Question q = QuestionValidator.normalise(draft);
        if (create && q.id() == null && q.bank() != null) {
            q = withId(q, nextId(q.bank()));
        }
        List<Problem> problems = new ArrayList<>(QuestionValidator.validate(q));
        StoredQuestion existing = q.id() == null ? null : questions.findById(q.id()).orElse(null);
        if (create && existing != null) {
            problems.add(Problem.of(QuestionValidator.F_ID, "quiz.error.id.taken", q.id()));
        } else if (!create && existing == null && q.id() != null) {
            problems.add(Problem.of(QuestionValidator.F_ID, "quiz.error.missing", q.id()));
        } else if (!create && existing != null && existing.getCurrentVersion() != draft.version()) {
            problems.add(Problem.of("version", "quiz.error.stale", String.valueOf(draft.version()),
                    String.valueOf(existing.getCurrentVersion())));
        }
        if (problems.stream().noneMatch(p -> p.field().equals(QuestionValidator.F_SOURCE))) {
            checkSource(q, problems);
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Question before = existing == null ? null : store.current(existing).orElse(null);
        QuestionStore.Saved saved = store.save(existing, q, Origin.APP, QuizContent.FROM_APP, CurrentUser.actor());
        switch (saved.change()) {
            case CREATED -> audit.record("QUESTION_CREATE", "question", q.id(), "v1 " + q.bank() + ": "
                    + q.stem());
            case CHANGED -> audit.record("QUESTION_EDIT", "question", q.id(), "v" + saved.question().version()
                    + ": " + String.join(", ", changes(before, q)));
            case UNCHANGED -> {
                return saved.question();
            }
            default -> throw new IllegalStateException();
        }
        events.publishEvent(new QuestionsChanged(Set.of(q.id()), Set.of()));
        return saved.question();
    }

    /** Takes a question out of use (lists, practice, new tests); its versions stay. Recorded as QUESTION_RETIRE. */
    @PreAuthorize(MANAGE)
    @Transactional
    public void retire(String id) {
        setRetired(id, true);
    }

    /** Puts a retired question back in use. Recorded as QUESTION_RESTORE. */
    @PreAuthorize(MANAGE)
    @Transactional
    public void restore(String id) {
        setRetired(id, false);
    }

    private void setRetired(String id, boolean retired) {
        StoredQuestion s = (id == null ? Optional.<StoredQuestion>empty() : questions.findById(id))
                .orElseThrow(() -> new ValidationException(Problem.of(QuestionValidator.F_ID, "quiz.error.missing",
                        String.valueOf(id))));
        if (s.isRetired() == retired) {
            return;
        }
        store.setRetired(s, retired, false, CurrentUser.actor());
        audit.record(retired ? "QUESTION_RETIRE" : "QUESTION_RESTORE", "question", id, s.getBank() + ": "
                + s.getStem());
        events.publishEvent(new QuestionsChanged(Set.of(id), Set.of()));
    }

    // --- content/questions ------------------------------------------------------------------------------------

    /** Re-reads content/questions now; recorded as QUESTION_RELOAD with counts (and each changed file). */
    @PreAuthorize(ADMIN)
    @Transactional(propagation = Propagation.NOT_SUPPORTED) // the reload commits its own transaction
    public QuizReloadResult reload() {
        return content.reload("manual", true);
    }

    /** Why bank files under content/questions were not imported, by file and line, in the given language. */
    @PreAuthorize(ADMIN)
    public List<BankFileProblem> rejectedBanks(Locale locale) {
        return content.problems().stream().map(p -> rejected(p, locale)).toList();
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private BankFileProblem rejected(BankProblem p, Locale locale) {
        return new BankFileProblem(p.file(), p.line(), p.questionId(),
                messages.getMessage(p.key(), p.args().toArray(), Languages.supported(locale)));
    }

    /** The source must name a loaded material and, when it has an anchor, one of that material's sections. */
    private void checkSource(Question q, List<Problem> problems) {
        String material = q.sourceMaterial();
        if (material == null) {
            return;
        }
        Optional<IndexableMaterial> m = materials.find(material);
        if (m.isEmpty()) {
            problems.add(Problem.of(QuestionValidator.F_SOURCE, "quiz.error.source.unknown", material));
            return;
        }
        String anchor = q.sourceAnchor();
        if (anchor != null && m.get().sections().stream().noneMatch(s -> anchor.equals(s.anchor()))) {
            problems.add(Problem.of(QuestionValidator.F_SOURCE, "quiz.error.source.anchor-unknown",
                    m.get().title(), anchor));
        }
    }

    /** The bank's next id: its most used prefix ("ztzr" of ztzr-001) numbered on from the highest; else "q-001". */
    private String nextId(String bank) {
        Map<String, Integer> prefixes = new HashMap<>();
        for (StoredQuestion s : questions.findByBankOrderByIdAsc(bank)) {
            Matcher m = NUMBERED.matcher(s.getId());
            if (m.matches()) {
                prefixes.merge(m.group(1), 1, Integer::sum);
            }
        }
        // the most used prefix; of equally used ones the first in alphabetical order
        String prefix = prefixes.entrySet().stream()
                .min(Comparator.comparing((Map.Entry<String, Integer> e) -> -e.getValue())
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey).orElse("q");
        long max = 0;
        int width = 3;
        for (String id : questions.allIds()) {
            Matcher m = NUMBERED.matcher(id);
            if (m.matches() && m.group(1).equals(prefix) && m.group(2).length() <= 9) {
                max = Math.max(max, Long.parseLong(m.group(2)));
                width = Math.max(width, m.group(2).length());
            }
        }
        String id;
        do {
            max++;
            id = prefix + "-" + String.format("%0" + width + "d", max);
        } while (questions.existsById(id));
        return id;
    }

    private static Question withId(Question q, String id) {
        return new Question(id, q.version(), q.bank(), q.type(), q.stem(), q.options(), q.answer(), q.explanation(),
                q.source(), q.tags(), q.category(), q.difficulty(), q.points(), q.retired());
    }

    /** The names of the fields that differ, for the audit entry of an edit. */
    private static List<String> changes(Question a, Question b) {
        List<String> names = new ArrayList<>();
        if (a == null) {
            return names;
        }
        diff(names, "bank", a.bank(), b.bank());
        diff(names, "type", a.type(), b.type());
        diff(names, "stem", a.stem(), b.stem());
        diff(names, "options", a.options(), b.options());
        diff(names, "answer", a.answer(), b.answer());
        diff(names, "explanation", a.explanation(), b.explanation());
        diff(names, "source", a.source(), b.source());
        diff(names, "tags", a.tags(), b.tags());
        diff(names, "category", a.category(), b.category());
        diff(names, "difficulty", a.difficulty(), b.difficulty());
        diff(names, "points", a.points() == null ? null : QuestionValidator.plain(a.points()),
                b.points() == null ? null : QuestionValidator.plain(b.points()));
        return names;
    }

    private static void diff(List<String> names, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            names.add(field);
        }
    }

    private static QuestionRow row(StoredQuestion s) {
        return new QuestionRow(s.getId(), s.getCurrentVersion(), s.getBank(), s.getType(), s.getStem(),
                s.getCategory(), s.getTags().stream().sorted().toList(), s.getDifficulty(), s.getSource(),
                s.isRetired(), s.getUpdatedAt(), s.getUpdatedBy());
    }

    private static Specification<StoredQuestion> spec(QuestionFilter f) {
        return (root, query, cb) -> {
            List<Predicate> p = new ArrayList<>();
            if (notBlank(f.bank())) {
                p.add(cb.equal(root.get("bank"), f.bank().strip()));
            }
            if (notBlank(f.category())) {
                p.add(cb.equal(root.get("category"), f.category().strip()));
            }
            if (notBlank(f.tag())) {
                p.add(cb.isMember(f.tag().strip(), root.<Set<String>>get("tags")));
            }
            if (f.type() != null) {
                p.add(cb.equal(root.get("type"), f.type()));
            }
            if (f.difficulty() != null) {
                p.add(cb.equal(root.get("difficulty"), f.difficulty()));
            }
            if (notBlank(f.material())) {
                p.add(cb.equal(root.get("sourceMaterial"), f.material().strip()));
            }
            if (notBlank(f.text())) {
                String like = "%" + escapeLike(f.text().strip().toLowerCase(Locale.ROOT)) + "%";
                p.add(cb.or(cb.like(cb.lower(root.get("stem")), like, '\\'),
                        cb.like(cb.lower(root.get("id")), like, '\\')));
            }
            if (!f.includeRetired()) {
                p.add(cb.isFalse(root.get("retired")));
            }
            return cb.and(p.toArray(Predicate[]::new));
        };
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
