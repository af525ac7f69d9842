package org.mingze.quiz.exam.crash;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The parent's side of a crash test: starts a child JVM on the test classpath with its stdout in a file (the child
 * prints an ACK line after each commit has returned), and kills it with {@link Process#destroyForcibly()} (SIGKILL
 * on Linux). The child's stderr goes to a log file, so a failing run can be read afterwards.
 */
public final class KillLoop {

    private KillLoop() {
    }

    /**
     * A running child. Its stdout goes to a file, not a pipe: what the child wrote before SIGKILL is in that file
     * for certain (a pipe read by a thread of this JVM lost the last lines now and then when the child was killed).
     */
    public record Child(Process process, Path out) {

        /** SIGKILL, then wait until the process is gone. */
        public void kill() throws InterruptedException {
            process.destroyForcibly();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the child survived SIGKILL for 60 s");
            }
        }

        /** Waits for a normal end; returns the exit code. */
        public int await(long seconds) throws InterruptedException {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                kill();
                throw new IllegalStateException("the child did not end within " + seconds + " s");
            }
            return process.exitValue();
        }

        /** Writes a line to the child's stdin (a child that waits for the parent's word reads it). */
        public void tell(String line) throws IOException {
            process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        }

        /**
         * Waits (polling the file every 20 ms) until stdout has a line starting with one of the prefixes, the child
         * has ended or the time is up; returns whether such a line came.
         */
        public boolean awaitLine(long seconds, String... prefixes) throws IOException, InterruptedException {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < until) {
                boolean alive = process.isAlive();
                for (String prefix : prefixes) {
                    if (printed(prefix)) {
                        return true;
                    }
                }
                if (!alive) {
                    return false;
                }
                Thread.sleep(20);
            }
            return false;
        }

        /** Every complete line the child has written to stdout so far. */
        public List<String> lines() throws IOException {
            String all = Files.readString(out, StandardCharsets.UTF_8);
            int end = all.lastIndexOf('\n');
            return end < 0 ? List.of() : List.of(all.substring(0, end).split("\n"));
        }

        /** Whether stdout has a line starting with this prefix (read from the file). */
        public boolean printed(String prefix) throws IOException {
            String all = Files.readString(out, StandardCharsets.UTF_8);
            return all.startsWith(prefix) || all.contains("\n" + prefix);
        }
    }

    /**
     * Starts {@code java -cp <this JVM's classpath> mainClass args}, stdout to {@code out} (replaced), stderr
     * appended to {@code log}.
     */
    public static Child start(Class<?> mainClass, List<String> jvmOptions, List<String> args, Path out, Path log)
            throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass.getName());
        cmd.addAll(args);
        Files.createDirectories(log.getParent());
        Files.createDirectories(out.getParent());
        // the last command, to start a child by hand
        Files.writeString(log.resolveSibling("command.txt"), String.join(" ", cmd) + "\n");
        Process p = new ProcessBuilder(cmd)
                .redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new Child(p, out);
    }
}
