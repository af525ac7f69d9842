package org.mingze.quiz.exam.crash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The parent's side of a crash test: starts a child JVM on the test classpath, hands every stdout line to a
 * consumer (the child prints an ACK line after each commit has returned), and kills it with
 * {@link Process#destroyForcibly()} (SIGKILL on Linux). The child's stderr goes to a log file, so a failing run can be
 * read afterwards.
 */
public final class KillLoop {

    private KillLoop() {
    }

    /** A running child: its process and the thread that reads its stdout. */
    public record Child(Process process, Thread reader) {

        /** SIGKILL, then wait until the process is gone and every line it printed has been read. */
        public void kill() throws InterruptedException {
            process.destroyForcibly();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the child survived SIGKILL for 60 s");
            }
            reader.join(TimeUnit.SECONDS.toMillis(60));
        }

        /** Waits for a normal end (the child was told to stop by itself); returns the exit code. */
        public int await(long seconds) throws InterruptedException {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                kill();
                throw new IllegalStateException("the child did not end within " + seconds + " s");
            }
            reader.join(TimeUnit.SECONDS.toMillis(60));
            return process.exitValue();
        }
    }

    /**
     * Starts {@code java -cp <this JVM's classpath> mainClass args}; each stdout line goes to {@code lines} on a
     * reader thread (in order), stderr is appended to {@code log}.
     */
    public static Child start(Class<?> mainClass, List<String> jvmOptions, List<String> args, Path log,
                              Consumer<String> lines) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass.getName());
        cmd.addAll(args);
        Files.createDirectories(log.getParent());
        Process p = new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        Thread t = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.accept(line);
                }
            } catch (IOException gone) {
                // the pipe closes when the child is killed
            }
        }, "child-stdout");
        t.setDaemon(true);
        t.start();
        return new Child(p, t);
    }
}
