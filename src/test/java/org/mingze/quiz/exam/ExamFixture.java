package org.mingze.quiz.exam;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.mingze.TestData;
import org.mingze.base.security.Role;
import org.mingze.org.internal.Unit;
import org.mingze.quiz.AnswerKey;
import org.mingze.quiz.Question;
import org.mingze.quiz.QuestionType;
import org.mingze.quiz.Questions;
import org.mingze.quiz.internal.Origin;
import org.mingze.quiz.internal.QuestionStore;
import org.springframework.stereotype.Component;

/** Builds banks, papers and published tests for exam tests; each call makes unique names. */
@Component
public class ExamFixture {

    private final TestData data;
    private final QuestionStore store;
    private final PaperService papers;
    private final ExamService exams;

    ExamFixture(TestData data, QuestionStore store, PaperService papers, ExamService exams) {
        this.data = data;
        this.store = store;
        this.papers = papers;
        this.exams = exams;
    }

    /** A branch with an organiser (signed in afterwards as needed) and a learner. */
    public record Branch(Unit unit, String organiser, String learner) {
    }

    public Branch branch() {
        Unit u = data.branch();
        return new Branch(u, data.account(u, Role.ORGANIZER).getUsername(), data.account(u, Role.LEARNER).getUsername());
    }

    /** n single-choice questions (answer B, i.e. index 1, of four) in a new bank; returns them. */
    public List<Question> singles(String bank, int n) {
        List<Question> out = new ArrayList<>();
        int seq = TestData.next();
        for (int i = 0; i < n; i++) {
            Question q = Questions.single().id("ex" + seq + "-" + i).bank(bank).stem("考试测试题 " + seq + "-" + i + "：谁是第一责任人？")
                    .build();
            out.add(store.save(null, q, Origin.APP, "app", "test").question());
        }
        return out;
    }

    public Question save(Questions q) {
        return store.save(null, q.id("ex" + TestData.next()).build(), Origin.APP, "app", "test").question();
    }

    public String bankName() {
        return "考试题库" + TestData.next();
    }

    /** Creates and publishes a test of a fixed paper for the branch, as its organiser (who stays signed in). */
    public Exam fixedExam(Branch b, List<Question> questions, java.util.function.UnaryOperator<ExamSettings> how) {
        data.signIn(b.organiser());
        Paper paper = papers.create(b.unit().getId(), PaperDraft.fixed("试卷" + TestData.next(),
                questions.stream().map(q -> new FixedItem(q.id(), null)).toList()));
        Instant now = Instant.now();
        ExamSettings s = how.apply(ExamSettings.defaults("测试考试" + TestData.next(), paper.id(), b.unit().getId(),
                now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofDays(1))).withTimeLimit(30));
        Exam e = exams.create(s);
        return exams.publish(e.id());
    }

    public static AnswerKey.Choices key(int... idx) {
        List<Integer> l = new ArrayList<>();
        for (int i : idx) {
            l.add(i);
        }
        return new AnswerKey.Choices(l);
    }

    public static BigDecimal points(double d) {
        return BigDecimal.valueOf(d).setScale(2);
    }

    public static boolean choice(QuestionType t) {
        return t.hasOptions();
    }
}
