package org.mingze.quiz;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mingze.base.i18n.Languages;
import org.mingze.base.security.CurrentUser;
import org.mingze.base.security.MingzeUser;
import org.mingze.base.security.Role;
import org.mingze.base.validation.Problem;
import org.mingze.base.validation.ValidationException;
import org.mingze.library.IndexableMaterial;
import org.mingze.library.MaterialSource;
import org.mingze.quiz.internal.PracticeQuestions;
import org.mingze.quiz.internal.PracticeStore;
import org.mingze.quiz.internal.QuestionStore;
import org.mingze.quiz.internal.SourceLinks;
import org.mingze.quiz.internal.WrongAnswer;
import org.mingze.quiz.internal.WrongAnswerBook;
import org.mingze.quiz.internal.grading.Grader;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Practice for everyone signed in, learners included: questions of a bank, a tag or a material, or from one's own
 * wrong-answer book (错题本), drawn at random from the current versions of questions in use that are graded
 * automatically (essays are not practised). No timer, no limit. Each answer is graded on the server
 * ({@link MultiplePolicy#HALF_FOR_SUBSET}) and only then are the answer and explanation returned; a wrong or partly
 * right answer puts the question into the person's book, and two correct answers in a row take it out again.
 *
 * <p>A practice belongs to the person who started it: nobody else can answer it, and each question can be answered
 * once per practice. Practices are kept in memory for a few hours (decision 0010); the book is in the database.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class PracticeService {

    /** Multiple choice in practice: half the points when only correct options were chosen (少选得一半分). */
    public static final MultiplePolicy POLICY = MultiplePolicy.HALF_FOR_SUBSET;

    private final PracticeQuestions questions;
    private final PracticeStore practices;
    private final WrongAnswerBook book;
    private final QuestionStore versions;
    private final SourceLinks links;
    private final MaterialSource materials;

    PracticeService(PracticeQuestions questions, PracticeStore practices, WrongAnswerBook book,
                    QuestionStore versions, SourceLinks links, MaterialSource materials) {
        this.questions = questions;
        this.practices = practices;
        this.book = book;
        this.versions = versions;
        this.links = links;
        this.materials = materials;
    }

    /** The banks, tags and materials that have questions to practise, with their counts. */
    public PracticeChoices choices() {
        Collator collator = Collator.getInstance(Languages.CHINESE);
        List<PracticeChoices.Choice> banks = questions.perBank().entrySet().stream()
                .map(e -> new PracticeChoices.Choice(e.getKey(), e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(PracticeChoices.Choice::label, collator)).toList();
        List<PracticeChoices.Choice> tags = questions.perTag().entrySet().stream()
                .map(e -> new PracticeChoices.Choice(e.getKey(), e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(PracticeChoices.Choice::label, collator)).toList();
        Map<String, Long> perMaterial = questions.perMaterial();
        boolean admin = CurrentUser.has(Role.ADMIN);
        List<PracticeChoices.Choice> mats = materials.all().stream()
                .filter(m -> perMaterial.containsKey(m.id()) && (admin || !m.archived()))
                .map(m -> new PracticeChoices.Choice(m.id(), m.title(), perMaterial.get(m.id()))).toList();
        return new PracticeChoices(banks, tags, mats);
    }

    /**
     * Starts a practice for the signed-in person: up to {@code count} questions in random order.
     *
     * @throws ValidationException when nothing was chosen, the count is out of range, or there is nothing to practise
     */
    public Practice start(PracticeRequest request) {
        long member = member();
        if (request == null || request.source() == null
                || request.value() == null && request.source() != PracticeRequest.Source.WRONG_BOOK) {
            throw invalid("source", "quiz.practice.error.choose");
        }
        if (request.count() < 1 || request.count() > PracticeRequest.MAX_COUNT) {
            throw invalid("count", "quiz.practice.error.count", PracticeRequest.MAX_COUNT);
        }
        String subject = request.value();
        List<Question> drawn = switch (request.source()) {
            case BANK -> questions.drawFromBank(request.value(), request.count());
            case TAG -> questions.drawByTag(request.value(), request.count());
            case MATERIAL -> {
                IndexableMaterial m = materials.find(request.value())
                        .filter(x -> !x.archived() || CurrentUser.has(Role.ADMIN)).orElse(null);
                if (m == null) {
                    throw invalid("source", "quiz.practice.error.none");
                }
                subject = m.title();
                yield questions.drawOfMaterial(m.id(), request.count());
            }
            case WRONG_BOOK -> {
                subject = PracticeRequest.UNTAGGED.equals(request.value()) ? null : request.value();
                yield fromBook(member, request.value(), request.count());
            }
        };
        if (drawn.isEmpty()) {
            throw invalid("source", request.source() == PracticeRequest.Source.WRONG_BOOK
                    ? "quiz.practice.error.book-empty" : "quiz.practice.error.none");
        }
        PracticeStore.Session s = practices.open(member, PracticeStore.Kind.PRACTICE, request.value(),
                drawn.stream().map(q -> new PracticeStore.Given(q.id(), q.version())).toList());
        return new Practice(s.id(), request, subject, drawn.stream().map(ShownQuestion::of).toList());
    }

    /**
     * Grades the signed-in person's answer to one question of their practice, records it in their wrong-answer book,
     * and returns the feedback (grade, correct answer, explanation, link to the section).
     *
     * @throws AccessDeniedException the practice is someone else's
     * @throws ValidationException   the practice is over or unknown, the question is not in it or was answered in
     *                               it already, or nothing was answered
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED) // the book is written in its own short transaction
    public Feedback answer(String practiceId, String questionId, Response response) {
        long member = member();
        PracticeStore.Session s = session(practiceId, member);
        PracticeStore.Given given = s.given(questionId)
                .orElseThrow(() -> invalid("question", "quiz.practice.error.not-in-practice"));
        if (response == null || response.isEmpty()) {
            throw invalid("answer", "quiz.practice.error.empty");
        }
        Question q = versions.version(given.questionId(), given.version())
                .orElseThrow(() -> invalid("question", "quiz.practice.error.not-in-practice"));
        synchronized (s) {
            if (s.answered(questionId)) {
                throw invalid("question", "quiz.practice.error.answered");
            }
            Grade grade = Grader.grade(q, response, q.points(), POLICY);
            WrongAnswerBook.Change change;
            synchronized (book.lock(member)) {
                change = book.recordPractice(member, q.id(), grade.outcome());
            }
            s.answer(questionId, grade, change);
            return links.feedback(q, grade);
        }
    }

    /** How the signed-in person's practice went so far. */
    public PracticeSummary summary(String practiceId) {
        PracticeStore.Session s = session(practiceId, member());
        synchronized (s) {
            int correct = 0;
            int partial = 0;
            int wrong = 0;
            for (Grade g : s.answers().values()) {
                switch (g.outcome()) {
                    case CORRECT -> correct++;
                    case PARTIAL -> partial++;
                    case WRONG, UNANSWERED -> wrong++;
                    default -> { }
                }
            }
            return new PracticeSummary(s.questions().size(), s.answers().size(), correct, partial, wrong,
                    s.bookChanges(WrongAnswerBook.Change.ENTERED), s.bookChanges(WrongAnswerBook.Change.LEFT));
        }
    }

    /**
     * The signed-in person's own wrong-answer book, grouped by tag: the largest groups first, 其他 (no tag) last;
     * in a group the most recently missed first. Nobody can read another person's book.
     */
    public WrongBook wrongBook() {
        long member = member();
        List<WrongAnswer> rows = book.book(member);
        Map<String, Question> current = questions.current(rows.stream().map(WrongAnswer::getQuestionId).toList());
        Map<String, List<WrongBook.Entry>> byTag = new LinkedHashMap<>();
        List<WrongBook.Entry> untagged = new ArrayList<>();
        int count = 0;
        for (WrongAnswer w : rows) {
            Question q = current.get(w.getQuestionId());
            if (q == null) {
                continue;
            }
            count++;
            WrongBook.Entry e = new WrongBook.Entry(q.id(), q.type(), q.stem(), w.getTimesWrong(),
                    w.getConsecutiveCorrect(), w.getLastWrongAt());
            if (q.tags().isEmpty()) {
                untagged.add(e);
            }
            for (String tag : q.tags()) {
                byTag.computeIfAbsent(tag, t -> new ArrayList<>()).add(e);
            }
        }
        Collator collator = Collator.getInstance(Languages.CHINESE);
        List<WrongBook.Group> groups = new ArrayList<>(byTag.entrySet().stream()
                .map(e -> new WrongBook.Group(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(WrongBook.Group::count).reversed()
                        .thenComparing(WrongBook.Group::tag, collator)).toList());
        if (!untagged.isEmpty()) {
            groups.add(new WrongBook.Group(null, untagged));
        }
        return new WrongBook(count, groups);
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /** Questions in the person's book (all, of one tag, or untagged) that are still practisable, shuffled. */
    private List<Question> fromBook(long member, String tag, int count) {
        List<String> ids = book.book(member).stream().map(WrongAnswer::getQuestionId).toList();
        if (tag != null) {
            Map<String, Question> current = questions.current(ids);
            ids = ids.stream().filter(id -> {
                Question q = current.get(id);
                return q != null && (PracticeRequest.UNTAGGED.equals(tag) ? q.tags().isEmpty() : q.tags().contains(tag));
            }).toList();
        }
        return questions.drawFrom(ids, count);
    }

    private PracticeStore.Session session(String id, long member) {
        PracticeStore.Session s = practices.find(id).filter(x -> x.kind() == PracticeStore.Kind.PRACTICE)
                .orElseThrow(() -> invalid("practice", "quiz.practice.error.gone",
                        PracticeStore.IDLE_EXPIRY.toHours()));
        if (s.memberId() != member) {
            throw new AccessDeniedException("practice " + id + " belongs to someone else");
        }
        return s;
    }

    /** The signed-in person's member id; an account without a member cannot practise. */
    static long member() {
        MingzeUser user = CurrentUser.require();
        return Optional.ofNullable(user.memberId())
                .orElseThrow(() -> invalid("member", "quiz.practice.error.no-member"));
    }

    static ValidationException invalid(String field, String key, Object... args) {
        return new ValidationException(Problem.of(field, key, args));
    }
}
