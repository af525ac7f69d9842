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

    /** The children's classpath when {@link #useJarredClassPath} made one; else this JVM's. */
    private static String classPath;

    /**
     * Makes the children's classpath class-data-sharing friendly: the JVM archives classes (AppCDS,
     * {@code -XX:ArchiveClassesAtExit} / {@code -XX:SharedArchiveFile}) only from jars, and refuses a classpath with
     * a non-empty directory; so each directory of this JVM's classpath (target/classes, target/test-classes; a
     * manifest-only booter jar is opened up first) is packed into a jar under {@code dir}, with its directory
     * entries (Spring's classpath scanning needs them). The jars hold the same classes and resources.
     */
    public static void useJarredClassPath(Path dir) throws IOException {
        List<String> entries = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (e.isBlank()) {
                continue;
            }
            Path p = Path.of(e);
            if (Files.isRegularFile(p) && p.getFileName().toString().startsWith("surefirebooter")) {
                try (java.util.jar.JarFile jar = new java.util.jar.JarFile(p.toFile())) {
                    String cp = jar.getManifest().getMainAttributes().getValue("Class-Path");
                    for (String u : cp == null ? new String[0] : cp.trim().split("\\s+")) {
                        entries.add(Path.of(java.net.URI.create(u)).toString());
                    }
                }
            } else {
                entries.add(p.toString());
            }
        }
        List<String> out = new ArrayList<>();
        int n = 0;
        for (String e : entries) {
            Path p = Path.of(e);
            if (Files.isDirectory(p)) {
                Path jar = dir.resolve("cp-" + (n++) + ".jar");
                pack(p, jar);
                out.add(jar.toString());
            } else {
                out.add(e);
            }
        }
        classPath = String.join(java.io.File.pathSeparator, out);
    }

    private static void pack(Path root, Path jar) throws IOException {
        try (java.util.jar.JarOutputStream z = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
             java.util.stream.Stream<Path> all = Files.walk(root)) {
            for (Path f : (Iterable<Path>) all.sorted()::iterator) {
                if (f.equals(root)) {
                    continue;
                }
                String name = root.relativize(f).toString().replace(java.io.File.separatorChar, '/');
                if (Files.isDirectory(f)) {
                    z.putNextEntry(new java.util.jar.JarEntry(name + "/"));
                    z.closeEntry();
                } else {
                    z.putNextEntry(new java.util.jar.JarEntry(name));
                    Files.copy(f, z);
                    z.closeEntry();
                }
            }
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
        cmd.add(classPath == null ? System.getProperty("java.class.path") : classPath);
        cmd.add(mainClass.getName());
        cmd.addAll(args);
        Files.createDirectories(log.getParent());
        Files.createDirectories(out.getParent());
        Process p = new ProcessBuilder(cmd)
                .redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new Child(p, out);
    }
}
