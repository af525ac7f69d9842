package org.mingze.quiz.exam.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.mingze.KaribuTest;
import org.mingze.base.security.Role;
import org.mingze.quiz.Question;
import org.mingze.quiz.exam.Exam;
import org.mingze.quiz.exam.ExamFixture;
import org.mingze.quiz.exam.ExamTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 5's "heap retained per open exam view", on real pages: 200 learners each open the exam page
 * ({@code exams/take/ID}, a 50-question test, every question card built) in a Vaadin session of their own (Karibu's
 * mocked servlet, request and session; no browser), all held at once. Measured as heap after GC with the 200
 * sessions held, minus after letting them go; and, to separate the exam page from what every session costs (and
 * what Karibu's mock servlet per session adds), minus 200 sessions of the same learners that are signed in but
 * stayed on the start page. Vaadin's development-mode component tracker is off, as in production mode. Run with ExamBench: {@code ./mvnw -o -Pbench test -Dtest='ExamBench,ExamViewBench'};
 * appends to {@code target/bench/exam-benchmark.md}.
 */
@EnabledIfSystemProperty(named = "mingze.bench", matches = "true")
@ExamTest
class ExamViewBench extends KaribuTest {

    private static final int VIEWS = 200;
    private static final boolean ENFORCE = Boolean.getBoolean("bench.enforce");
    private static final Path REPORT = Path.of("target", "bench", "exam-benchmark.md");

    @Autowired
    ExamFixture fx;

    /** The UIs (and through them their sessions) held. */
    private final List<UI> held = new ArrayList<>();

    @Test
    void two_hundred_open_exam_pages_stay_within_300_kb_each() throws Exception {
        productionTracking();
        ExamFixture.Branch b = fx.branch();
        List<Question> qs = fx.singles(fx.bankName(), 50);
        Exam exam = fx.fixedExam(b, qs, s -> s.withTimeLimit(60));
        logout();
        List<String> learners = new ArrayList<>();
        for (int i = 0; i < VIEWS; i++) {
            learners.add(data.account(b.unit(), Role.LEARNER).getUsername());
        }
        // warm-up: one of each, so that classes and caches are loaded before the first measurement
        open(learners.subList(0, 1), null);
        open(learners.subList(0, 1), exam.id());
        release();

        long none = usedHeap();
        open(learners, exam.id());
        assertThat(held).allSatisfy(ui -> assertThat(ui.getInternals().getActiveRouterTargetsChain())
                .anySatisfy(c -> assertThat(c.getClass().getSimpleName()).isEqualTo("ExamTakeView")));
        long pages = usedHeap();
        release();
        long none2 = usedHeap();
        open(learners, null);
        long sessions = usedHeap();
        release();

        double perPage = (pages - none) / 1024.0 / VIEWS;
        double perSession = (sessions - none2) / 1024.0 / VIEWS;
        String line = String.format(Locale.ROOT, "| heap retained per open exam page (200 Karibu sessions on "
                + "exams/take of a 50-question test) | %.1f KB per session with the page; %.1f KB of it the exam "
                + "page (minus a signed-in session on the start page, %.1f KB) | <= 300 KB |%n", perPage,
                perPage - perSession, perSession);
        System.out.println("ExamViewBench " + java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                .substring(0, 16) + ", load " + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()
                + ": " + line);
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, line, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        if (ENFORCE) {
            assertThat(perPage).as("KB per open exam page").isLessThanOrEqualTo(300);
        }
    }

    /**
     * Turns Vaadin's development-mode component tracker off, as production mode does: in development mode it keeps
     * where every component was created and attached (stack frames) for the dev tools, in weak maps that live as long
     * as the components, which would count here but is not in a production server.
     */
    private static void productionTracking() throws ReflectiveOperationException {
        java.lang.reflect.Field disabled = com.vaadin.flow.component.internal.ComponentTracker.class
                .getDeclaredField("disabled");
        disabled.setAccessible(true);
        disabled.set(null, Boolean.TRUE);
    }

    /** A session of its own per learner, signed in; on the exam page when an exam is given. */
    private void open(List<String> learners, Long examId) {
        for (String learner : learners) {
            MockVaadin.setup(UI::new, new MockSpringServlet(routes(), ctx, UI::new));
            login(learner);
            if (examId != null) {
                UI.getCurrent().navigate("exams/take/" + examId);
            }
            held.add(UI.getCurrent());
        }
    }

    private void release() {
        held.clear();
        logout();
        MockVaadin.tearDown();
        VaadinSession.setCurrent(null);
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
