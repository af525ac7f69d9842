package org.mingze.quiz.internal;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.mingze.base.audit.AuditLog;
import org.mingze.base.content.FolderWatcher;
import org.mingze.base.security.CurrentUser;
import org.mingze.quiz.Question;
import org.mingze.quiz.QuestionsChanged;
import org.mingze.quiz.QuizReloadResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the bank in step with content/questions: imports every bank file once the app is ready, again when the
 * watcher sees a change, and when an administrator asks.
 * <ul>
 * <li>A bank file with any problem is rejected whole (its questions stay as last imported); so are all files that
 * share a question id. The problems are kept for administrators ({@link #problems()}).</li>
 * <li>Questions are matched by id, never duplicated. A question whose content in its file is what was last imported
 * is left alone, so an edit made in the app survives restarts; when the file's content changed, it becomes the next
 * version (if it differs from the current one).</li>
 * <li>A question gone from an accepted file (or whose file is gone) is retired, and restored if it comes back.</li>
 * </ul>
 * Every file that changed something is recorded in the audit log (QUESTION_IMPORT), so is every newly rejected file
 * (QUESTION_IMPORT_REJECTED), and {@link QuestionsChanged} is published in the same transaction.
 */
@Component
public class QuizContent {

    /** Recorded with versions written by the editor. */
    public static final String FROM_APP = "app";

    private static final Logger log = LoggerFactory.getLogger(QuizContent.class);

    private final Path contentDir;
    private final QuizProperties props;
    private final StoredQuestionRepository questions;
    private final QuestionStore store;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private volatile List<BankProblem> problems = List.of();
    /** The problems of each rejected file at the last reload, to audit a rejection once, not at every reload. */
    private Map<String, List<BankProblem>> rejectedBefore = Map.of();
    private FolderWatcher watcher;

    QuizContent(@Value("${mingze.content-dir:./content}") String contentDir, QuizProperties props,
                StoredQuestionRepository questions, QuestionStore store, AuditLog audit,
                ApplicationEventPublisher events, PlatformTransactionManager txm) {
        this.contentDir = Paths.get(contentDir).toAbsolutePath().normalize();
        this.props = props;
        this.questions = questions;
        this.store = store;
        this.audit = audit;
        this.events = events;
        this.tx = new TransactionTemplate(txm);
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        long t0 = System.nanoTime();
        try {
            QuizReloadResult r = reload("start", false);
            log.info("quiz: {} questions in {} bank files from {}, {} files rejected; created {}, changed {}, "
                            + "retired {}, restored {}; {} ms", r.questions(), r.files(), questionsDir(),
                    r.rejectedFiles(), r.created(), r.changed(), r.retired(), r.restored(),
                    (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException e) {
            // the bank as stored stays usable; the watcher or an administrator's reload tries again
            log.error("importing the question banks from {} failed", questionsDir(), e);
        }
        if (props.watch()) {
            watcher = new FolderWatcher(questionsDir(), props.watchDebounce(), "quiz-content-watcher",
                    () -> reload("watch", false));
            watcher.start();
        }
    }

    @PreDestroy
    void stop() {
        if (watcher != null) {
            watcher.close();
        }
    }

    public Path questionsDir() {
        return contentDir.resolve("questions");
    }

    /** Why the rejected bank files were rejected, by file and line. */
    public List<BankProblem> problems() {
        return problems;
    }

    /**
     * Reads every bank file and brings the database in step. With {@code always} (an administrator's reload) the
     * reload is recorded in the audit log even when nothing changed.
     */
    public synchronized QuizReloadResult reload(String trigger, boolean always) {
        Scan scan = scan();
        String actor = CurrentUser.actor();
        QuizReloadResult result = Objects.requireNonNull(tx.execute(status -> apply(scan, trigger, always, actor)));
        problems = scan.problems();
        rejectedBefore = scan.rejected();
        return result;
    }

    // --- reading the files -------------------------------------------------------------------------------------

    /** Bank files read: the accepted ones, the problems of the rejected ones by file (relative path, in order). */
    record Scan(boolean folderExists, int files, List<Accepted> accepted, Map<String, List<BankProblem>> rejected) {
        List<BankProblem> problems() {
            return rejected.values().stream().flatMap(List::stream).toList();
        }
    }

    /** An accepted bank file: its path under the content folder ("questions/fagui.yaml") and what it holds. */
    record Accepted(String relFile, BankParser.Result result) {
    }

    Scan scan() {
        Path root = questionsDir();
        boolean exists = Files.isDirectory(root);
        List<Accepted> ok = new ArrayList<>();
        TreeMap<String, List<BankProblem>> rejected = new TreeMap<>();
        List<Path> files = files(root);
        for (Path file : files) {
            String rel = "questions/" + root.relativize(file).toString().replace('\\', '/');
            String shown = displayPath(rel);
            try {
                BankParser.Result r = BankParser.parse(shown, Files.readAllBytes(file));
                if (r.ok()) {
                    ok.add(new Accepted(rel, r));
                } else {
                    rejected.put(rel, r.problems());
                }
            } catch (IOException | UncheckedIOException e) {
                if (Files.exists(file)) {
                    rejected.put(rel, List.of(BankProblem.of(shown, 1, null, "quiz.bank.error.read",
                            String.valueOf(e.getMessage()))));
                }
            }
        }
        // an id in two accepted files rejects both (all) files
        Map<String, List<Object[]>> byId = new LinkedHashMap<>();
        for (Accepted a : ok) {
            for (BankParser.Parsed p : a.result().questions()) {
                byId.computeIfAbsent(p.question().id(), k -> new ArrayList<>()).add(new Object[] {a, p});
            }
        }
        Map<String, List<BankProblem>> duplicates = new TreeMap<>();
        for (var e : byId.entrySet()) {
            if (e.getValue().size() < 2) {
                continue;
            }
            for (Object[] here : e.getValue()) {
                Accepted a = (Accepted) here[0];
                BankParser.Parsed p = (BankParser.Parsed) here[1];
                String others = e.getValue().stream().filter(o -> o != here)
                        .map(o -> ((Accepted) o[0]).result().file() + ":" + ((BankParser.Parsed) o[1]).line())
                        .collect(Collectors.joining("、"));
                duplicates.computeIfAbsent(a.relFile(), k -> new ArrayList<>()).add(BankProblem.of(
                        a.result().file(), p.line(), e.getKey(), "quiz.bank.error.duplicate-id-across", e.getKey(),
                        others));
            }
        }
        List<Accepted> accepted = ok.stream().filter(a -> !duplicates.containsKey(a.relFile())).toList();
        rejected.putAll(duplicates);
        for (List<BankProblem> list : rejected.values()) {
            for (BankProblem p : list) {
                log.warn("{}:{}: {} {} {}", p.file(), p.line(), p.questionId() == null ? "" : p.questionId(),
                        p.key(), p.args());
            }
        }
        return new Scan(exists, files.size(), accepted, java.util.Collections.unmodifiableSortedMap(rejected));
    }

    /** "content/questions/fagui.yaml" for "questions/fagui.yaml". */
    String displayPath(String relFile) {
        Path name = contentDir.getFileName();
        return (name == null ? "" : name + "/") + relFile;
    }

    private static List<Path> files(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> !hidden(root, p)).filter(Files::isRegularFile).filter(p -> {
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return name.endsWith(".yaml") || name.endsWith(".yml");
            }).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            log.warn("cannot list {}: {}", root, e.getMessage());
            return List.of();
        }
    }

    private static boolean hidden(Path root, Path p) {
        for (Path part : root.relativize(p)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    // --- bringing the database in step ------------------------------------------------------------------------

    /** Counts and ids per bank file, for its audit entry. */
    private static final class FileChanges {
        final List<String> created = new ArrayList<>();
        final List<String> changed = new ArrayList<>();
        final List<String> retired = new ArrayList<>();
        final List<String> restored = new ArrayList<>();

        boolean any() {
            return !created.isEmpty() || !changed.isEmpty() || !retired.isEmpty() || !restored.isEmpty();
        }

        String detail(String trigger) {
            StringBuilder sb = new StringBuilder(trigger).append(": created ").append(created.size())
                    .append(", changed ").append(changed.size()).append(", retired ").append(retired.size())
                    .append(", restored ").append(restored.size());
            part(sb, "created", created);
            part(sb, "changed", changed);
            part(sb, "retired", retired);
            part(sb, "restored", restored);
            return sb.toString();
        }

        private static void part(StringBuilder sb, String label, List<String> ids) {
            if (!ids.isEmpty()) {
                sb.append("; ").append(label).append(": ").append(String.join(" ", ids));
            }
        }
    }

    private QuizReloadResult apply(Scan scan, String trigger, boolean always, String actor) {
        Map<String, StoredQuestion> all = new HashMap<>();
        for (StoredQuestion s : questions.findAll()) {
            all.put(s.getId(), s);
        }
        Map<String, FileChanges> byFile = new TreeMap<>();
        Set<String> loaded = new HashSet<>();
        int count = 0;
        for (Accepted a : scan.accepted()) {
            FileChanges fc = byFile.computeIfAbsent(a.relFile(), k -> new FileChanges());
            for (BankParser.Parsed p : a.result().questions()) {
                count++;
                Question q = p.question();
                loaded.add(q.id());
                String hash = QuestionJson.contentHash(q);
                StoredQuestion s = all.get(q.id());
                if (s == null) {
                    all.put(q.id(), store.save(null, q, Origin.CONTENT, a.relFile(), actor).stored());
                    fc.created.add(q.id());
                    continue;
                }
                if (!hash.equals(s.getImportHash())) {
                    // the file's content is not what was last imported: it wins over the app's edits
                    if (store.save(s, q, Origin.CONTENT, a.relFile(), actor).change() != QuestionStore.Change.UNCHANGED) {
                        fc.changed.add(q.id());
                    }
                    s.importedFrom(a.relFile(), hash);
                } else if (!a.relFile().equals(s.getOriginFile())) {
                    s.importedFrom(a.relFile(), hash); // moved to another file, content as imported
                }
                if (s.isRetired() && s.isRetiredByContent()) {
                    store.setRetired(s, false, false, actor);
                    fc.restored.add(q.id());
                }
            }
        }
        if (scan.folderExists()) {
            for (StoredQuestion s : all.values()) {
                if (s.getOrigin() == Origin.CONTENT && !s.isRetired() && !loaded.contains(s.getId())
                        && s.getOriginFile() != null && !scan.rejected().containsKey(s.getOriginFile())) {
                    store.setRetired(s, true, true, actor);
                    byFile.computeIfAbsent(s.getOriginFile(), k -> new FileChanges()).retired.add(s.getId());
                }
            }
        }
        Set<String> changedIds = new HashSet<>();
        int created = 0;
        int changed = 0;
        int retired = 0;
        int restored = 0;
        for (var e : byFile.entrySet()) {
            FileChanges fc = e.getValue();
            if (!fc.any()) {
                continue;
            }
            fc.created.sort(null);
            fc.changed.sort(null);
            fc.retired.sort(null);
            fc.restored.sort(null);
            audit.record("QUESTION_IMPORT", "question-bank", e.getKey(), fc.detail(trigger));
            changedIds.addAll(fc.created);
            changedIds.addAll(fc.changed);
            changedIds.addAll(fc.retired);
            changedIds.addAll(fc.restored);
            created += fc.created.size();
            changed += fc.changed.size();
            retired += fc.retired.size();
            restored += fc.restored.size();
        }
        for (var e : scan.rejected().entrySet()) {
            if (!e.getValue().equals(rejectedBefore.get(e.getKey()))) {
                audit.record("QUESTION_IMPORT_REJECTED", "question-bank", e.getKey(),
                        trigger + ": " + e.getValue().size() + " problems: " + e.getValue().stream()
                                .map(p -> "line " + p.line() + (p.questionId() == null ? "" : " " + p.questionId())
                                        + " " + p.key())
                                .collect(Collectors.joining("; ")));
            }
        }
        QuizReloadResult result = new QuizReloadResult(scan.files(), scan.rejected().size(), count, created, changed,
                retired, restored);
        if (always) {
            audit.record("QUESTION_RELOAD", "question-bank", null, trigger + ": files " + result.files()
                    + ", rejected " + result.rejectedFiles() + ", questions " + result.questions() + ", created "
                    + created + ", changed " + changed + ", retired " + retired + ", restored " + restored);
        }
        if (!changedIds.isEmpty()) {
            events.publishEvent(new QuestionsChanged(changedIds, Set.of()));
        }
        return result;
    }
}
