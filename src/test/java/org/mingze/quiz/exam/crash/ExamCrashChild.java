package org.mingze.quiz.exam.crash;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.mingze.MingzeApplication;
import org.mingze.TestData;
import org.mingze.base.security.Role;
import org.mingze.quiz.Question;
import org.mingze.quiz.Questions;
import org.mingze.quiz.Response;
import org.mingze.quiz.exam.AttemptService;
import org.mingze.quiz.exam.AttemptView;
import org.mingze.quiz.exam.Exam;
import org.mingze.quiz.exam.ExamFixture;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.mock.web.MockServletContext;
import org.springframework.web.context.support.GenericWebApplicationContext;

/**
 * Child JVM of {@link ExamCrashIT}: Mingze's own application context (no web server) on an H2 file database in its
 * own data folder, with the datasource settings of application.properties (WRITE_DELAY=0).
 *
 * <p>{@code setup DIR CANDIDATES QUESTIONS}: a branch with an organiser and learners, an essay paper, a published
 * 2-hour test for the branch; writes {@code DIR/setup.txt} (exam id, then one username a line) and ends.
 * <p>{@code run DIR CYCLE}: starts the slim application ({@link #slim}) without opening the database, prints
 * {@code PREPARED} and waits for a line (GO) on stdin, which the parent sends once the previous child has been killed;
 * then one thread per learner signs in (as tests do), starts or resumes the attempt and saves
 * essays with unique texts through {@link AttemptService#save} at random positions until killed. Before each save it
 * prints {@code SEND learner attempt position text}, after save has returned {@code ACK ...} with the same fields;
 * an unexpected exception prints {@code ERR}.
 */
public final class ExamCrashChild {

    private ExamCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err); // logs go to the child's log; stdout carries only the protocol lines
        Path dir = Path.of(args[1]).toAbsolutePath();
        long t0 = System.nanoTime();
        if (args[0].equals("setup")) {
            ConfigurableApplicationContext ctx = context(dir, false, null);
            setup(ctx, dir, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            out.println("SETUP done");
            ctx.close();
            return;
        }
        int cycle = Integer.parseInt(args[2]);
        if (Boolean.getBoolean("crash.full-app")) {
            // the whole application opens the database while it starts (Flyway, demo data): nothing to prepare
            out.println("PREPARED 0 ms");
            awaitGo();
            context(dir, true, ctx -> candidates(ctx, dir, cycle, t0, out));
            return;
        }
        // the slim application starts without touching the database, so it may start while the previous child
        // still holds the file; it opens it only after the parent's GO, which comes after that child's SIGKILL
        ConfigurableApplicationContext ctx = slim(dir);
        ctx.getBean(AttemptService.class);
        ctx.getBean(org.springframework.security.core.userdetails.UserDetailsService.class);
        warmUp(ctx, dir, cycle);
        out.println("PREPARED " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        awaitGo();
        candidates(ctx, dir, cycle, System.nanoTime(), out);
    }

    /**
     * Loads before GO the classes that a save needs and starting the context does not (H2's engine and file store,
     * Hikari's pool, Jackson for the response's JSON): saves one essay to a throwaway database of its own in
     * {@code DIR/warm-up-CYCLE} (the application's URL with another file, so the same settings), never to the data
     * folder's file, and deletes it.
     */
    private static void warmUp(ConfigurableApplicationContext ctx, Path dir, int cycle) throws Exception {
        Path warm = dir.resolve("warm-up-" + cycle);
        String url = ctx.getEnvironment().getRequiredProperty("spring.datasource.url")
                .replace(dir.resolve("db").resolve("mingze").toString(), warm.resolve("w").toString());
        if (!url.contains(warm.toString())) {
            throw new IllegalStateException("unexpected datasource URL " + url);
        }
        com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("sa");
        try (com.zaxxer.hikari.HikariDataSource ds = new com.zaxxer.hikari.HikariDataSource(config);
             java.sql.Connection c = ds.getConnection();
             java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE TABLE item(attempt_id BIGINT, position INT, response CLOB, saved_at TIMESTAMP WITH TIME "
                    + "ZONE, save_seq INT DEFAULT 0 NOT NULL, PRIMARY KEY (attempt_id, position))");
            s.execute("INSERT INTO item(attempt_id, position) VALUES (1, 0)");
            c.setAutoCommit(false);
            try (java.sql.PreparedStatement u = c.prepareStatement("UPDATE item SET response = ?, saved_at = ?, "
                    + "save_seq = save_seq + 1 WHERE attempt_id = ? AND position = ?")) {
                String json = org.mingze.quiz.exam.internal.Json.response(Response.essay("warm-up"));
                u.setString(1, org.mingze.quiz.exam.internal.Json.response(
                        org.mingze.quiz.exam.internal.Json.response(json))); // read and written, as a resume does
                u.setObject(2, java.time.OffsetDateTime.now());
                u.setLong(3, 1);
                u.setInt(4, 0);
                u.addBatch();
                u.executeBatch();
            }
            c.commit();
        }
        org.springframework.util.FileSystemUtils.deleteRecursively(warm);
    }

    /** Blocks until the parent writes a line (GO) to stdin: the previous child is dead, the database file free. */
    private static void awaitGo() throws java.io.IOException {
        if (new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8))
                .readLine() == null) {
            throw new IllegalStateException("the parent closed stdin before GO");
        }
    }

    /** Candidates start at once; READY says how long since {@code t0} (the JVM's start, or GO). */
    private static void candidates(ConfigurableApplicationContext ctx, Path dir, int cycle, long t0,
                                   PrintStream out) {
        out.println("READY " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        try {
            run(ctx, dir, cycle, out);
        } catch (Exception e) {
            e.printStackTrace();
            out.println("ERR " + e);
        }
    }

    /**
     * The kill cycles' application: only what {@link AttemptService} needs, as the real classes, on the data folder's
     * database with application.properties (the same URL with {@code WRITE_DELAY=0}, the same Hikari pool and
     * Hibernate settings). Left out, because a save never touches them: Vaadin and the servlet context, Flyway (the
     * setup run migrated the database with the whole application), demo data, content sync and watchers, the search
     * index, the other modules, scheduling (the sweeper: attempts here have 2 hours) and the library catalogue
     * (result pages link explanations to materials; {@link NoMaterials} stands in). It starts without a
     * connection, so that it may start while the previous child still holds the database file (H2 would refuse a
     * second process): Hibernate is told the database product and H2's version instead of reading them from a
     * connection (the same dialect), and does not validate the schema again (the setup run did, with the whole
     * application, on this file). The first connection opens the file after GO.
     */
    static ConfigurableApplicationContext slim(Path dir) {
        return new SpringApplicationBuilder(SlimChild.class)
                .web(org.springframework.boot.WebApplicationType.NONE)
                .run("--mingze.data-dir=" + dir,
                        "--spring.main.banner-mode=off",
                        "--spring.main.lazy-initialization=true",
                        "--spring.jpa.open-in-view=false",
                        // no connection while starting: Hibernate is told the database instead of asking it (the
                        // same dialect and version it would read), and the schema is not validated again (the
                        // setup run did, with the whole application, on this file)
                        "--spring.jpa.hibernate.ddl-auto=none",
                        "--spring.jpa.properties.hibernate.boot.allow_jdbc_metadata_access=false",
                        "--spring.jpa.properties.jakarta.persistence.database-product-name=H2",
                        "--spring.jpa.properties.jakarta.persistence.database-product-version="
                                + org.h2.engine.Constants.VERSION,
                        "--logging.level.root=warn");
    }

    /**
     * The slim child: the exam engine, its repositories and the beans they need, and method security. Deliberately
     * no stereotype ({@code @Configuration}): the whole application and other tests scan org.mingze and must not
     * find it; as the primary source of {@link #slim} it is read all the same.
     */
    @ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, DataSourceAutoConfiguration.class,
            HibernateJpaAutoConfiguration.class, TransactionAutoConfiguration.class,
            JdbcTemplateAutoConfiguration.class})
    @EnableMethodSecurity
    @EnableJpaRepositories(basePackages = {"org.mingze.quiz.exam.internal", "org.mingze.quiz.internal",
            "org.mingze.base.audit", "org.mingze.org.internal"})
    @EntityScan(basePackages = {"org.mingze.quiz.exam.internal", "org.mingze.quiz.internal", "org.mingze.base.audit",
            "org.mingze.org.internal"})
    @ComponentScan(basePackages = "org.mingze", useDefaultFilters = false, includeFilters = @ComponentScan.Filter(
            type = FilterType.REGEX, pattern = {
                    "org\\.mingze\\.base\\.BaseConfiguration",
                    "org\\.mingze\\.base\\.audit\\.AuditLog",
                    "org\\.mingze\\.org\\.OrgService",
                    "org\\.mingze\\.org\\.internal\\.AccountUserDetailsService",
                    "org\\.mingze\\.quiz\\.internal\\.(QuestionStore|WrongAnswerBook|PracticeTally|SourceLinks)",
                    "org\\.mingze\\.quiz\\.exam\\.AttemptService",
                    "org\\.mingze\\.quiz\\.exam\\.internal\\.(AttemptEngine|ExamJdbc|Drawing|AttemptViews|"
                            + "QuestionVersions|People|ExamAccess|ExamEngineConfig|SaveWriter)"}))
    static class SlimChild {

        @Bean
        NoMaterials noMaterials() {
            return new NoMaterials();
        }
    }

    /** No library materials: explanations' links are built for result pages only, never during a save. */
    static final class NoMaterials implements org.mingze.library.MaterialSource {
        @Override
        public List<org.mingze.library.IndexableMaterial> all() {
            return List.of();
        }

        @Override
        public java.util.Optional<org.mingze.library.IndexableMaterial> find(String id) {
            return java.util.Optional.empty();
        }
    }

    /**
     * The application on its own data folder, in a mock servlet context as {@code @SpringBootTest} runs it (no
     * embedded server, no Vaadin dev server: Vaadin's security configuration only needs a servlet context); test-only
     * configurations (clocks, recorders) are left out. The kill cycles start lazily (only the beans the saves need),
     * which halves the start on a loaded machine; the setup run starts everything (migrations, demo data). The
     * content folder is an empty one: loading ./content's materials and question banks took a fifth of the setup
     * run's CPU and a save never reads them (the test's paper has questions of its own). Command-line properties, so
     * they win over application.properties.
     */
    static ConfigurableApplicationContext context(Path dir, boolean lazy,
                                                  Consumer<ConfigurableApplicationContext> onStarted)
            throws java.io.IOException {
        Path noContent = Files.createDirectories(dir.resolve("no-content"));
        return new SpringApplicationBuilder(MingzeApplication.class)
                .listeners((ApplicationListener<ApplicationStartedEvent>) e -> {
                    if (onStarted != null) {
                        onStarted.accept(e.getApplicationContext());
                    }
                })
                .contextFactory(type -> new GenericWebApplicationContext(new MockServletContext()))
                .initializers(c -> c.getBeanFactory().registerSingleton("crashTestExcludes", new NoTestConfigs()))
                .run("--mingze.data-dir=" + dir,
                        "--mingze.content-dir=" + noContent,
                        "--mingze.demo.enabled=true",
                        "--mingze.search.in-memory=true",
                        "--vaadin.productionMode=false",
                        "--spring.main.banner-mode=off",
                        "--spring.main.lazy-initialization=" + lazy,
                        "--logging.level.root=warn");
    }

    /** Leaves classes annotated {@code @TestConfiguration} out of component scanning, as a Spring test would. */
    static final class NoTestConfigs extends TypeExcludeFilter {
        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            return reader.getAnnotationMetadata().hasAnnotation(TestConfiguration.class.getName());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof NoTestConfigs;
        }

        @Override
        public int hashCode() {
            return NoTestConfigs.class.hashCode();
        }
    }

    private static void setup(ConfigurableApplicationContext ctx, Path dir, int candidates, int questions)
            throws Exception {
        TestData data = ctx.getBean(TestData.class);
        ExamFixture fx = ctx.getBean(ExamFixture.class);
        ExamFixture.Branch b = fx.branch();
        String bank = fx.bankName();
        List<Question> qs = new ArrayList<>();
        for (int i = 0; i < questions; i++) {
            qs.add(fx.save(Questions.essay().bank(bank)));
        }
        Exam exam = fx.fixedExam(b, qs, s -> s.withTimeLimit(120));
        List<String> lines = new ArrayList<>();
        lines.add(String.valueOf(exam.id()));
        lines.add(b.learner());
        for (int i = 1; i < candidates; i++) {
            lines.add(data.account(b.unit(), Role.LEARNER).getUsername());
        }
        data.signOut();
        Files.write(dir.resolve("setup.txt"), lines);
    }

    private static void run(ConfigurableApplicationContext ctx, Path dir, int cycle, PrintStream out)
            throws Exception {
        List<String> setup = Files.readAllLines(dir.resolve("setup.txt"));
        long examId = Long.parseLong(setup.get(0));
        org.springframework.security.core.userdetails.UserDetailsService users =
                ctx.getBean(org.springframework.security.core.userdetails.UserDetailsService.class);
        AttemptService attempts = ctx.getBean(AttemptService.class);
        List<Thread> threads = new ArrayList<>();
        for (int k = 1; k < setup.size(); k++) {
            String user = setup.get(k);
            Thread t = new Thread(() -> {
                try {
                    // signed in as tests do (TestData.signIn), with the application's own user details
                    var u = users.loadUserByUsername(user);
                    org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                            new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(u,
                                    null, u.getAuthorities()));
                    AttemptView v = attempts.startOrResume(examId);
                    Random random = new Random();
                    for (int n = 0; ; n++) {
                        int pos = random.nextInt(v.items().size());
                        String text = user + "-" + cycle + "-" + n;
                        String fields = user + " " + v.attemptId() + " " + pos + " " + text;
                        out.println("SEND " + fields);
                        attempts.save(v.attemptId(), v.holderToken(), pos, Response.essay(text));
                        out.println("ACK " + fields);
                    }
                } catch (Throwable e) {
                    e.printStackTrace();
                    out.println("ERR " + user + " " + e);
                }
            }, "candidate-" + user);
            threads.add(t);
            t.start();
        }
    }
}
