package dev.basalt.shell;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The runnable jar as bin/basalt starts it, with real standard streams (a pipe, not a terminal). */
class ShellJarIT
{
    private static final List<String> JVM_FLAGS = List.of("--add-modules=jdk.incubator.vector", "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow");

    private static Path jar;

    @BeforeAll
    static void locate()
    {
        jar = Path.of(System.getProperty("basalt.shell.jar", "target/basalt-shell-0.1.0-SNAPSHOT-all.jar"));
        assertTrue(Files.isRegularFile(jar), "the runnable jar is built before this test: " + jar.toAbsolutePath());
    }

    private record Result(int exitCode, String stdout, String stderr) {}

    private static Result run(List<String> flags, String stdin, String... args) throws IOException, InterruptedException
    {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags);
        command.add("-Xmx512m");
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        command.addAll(List.of(args));
        Path stdoutFile = Files.createTempFile("basalt-shell", ".out");
        Path stderrFile = Files.createTempFile("basalt-shell", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(stdoutFile.toFile()).redirectError(stderrFile.toFile()).start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the shell finished");
            return new Result(process.exitValue(), Files.readString(stdoutFile), Files.readString(stderrFile));
        }
        finally {
            Files.deleteIfExists(stdoutFile);
            Files.deleteIfExists(stderrFile);
        }
    }

    @Test
    void pipedInputRunsWithoutPrompts() throws Exception
    {
        Result result = run(JVM_FLAGS, "SELECT 41 + 1 AS answer;\nSELECT 'héllo' AS greeting;\n");
        assertEquals(0, result.exitCode, result.toString());
        assertFalse(result.stdout.contains("basalt>"), "no prompt when stdin is a pipe: " + result.stdout);
        assertTrue(result.stdout.contains("| answer |\n"), result.stdout);
        assertTrue(result.stdout.contains("|     42 |\n"), result.stdout);
        assertTrue(result.stdout.contains("| héllo    |"), "UTF-8 output: " + result.stdout);
    }

    @Test
    void commandErrorExitsNonZero() throws Exception
    {
        Result ok = run(JVM_FLAGS, "", "-c", "SELECT 1 AS one");
        assertEquals(0, ok.exitCode, ok.toString());
        assertTrue(ok.stdout.contains("| one |"), ok.stdout);

        Result failed = run(JVM_FLAGS, "", "-c", "SELECT * FROM nowhere");
        assertEquals(1, failed.exitCode, failed.toString());
        assertTrue(failed.stderr.contains("Error 42P01: "), failed.stderr);
        assertFalse(failed.stderr.contains("\tat "), failed.stderr);
    }

    @Test
    void plainJavaJarWithoutFlagsStillWorks() throws Exception
    {
        // the manifest opens java.nio and the shell lets Netty use Unsafe: no flags needed (scalar kernels)
        Result result = run(List.of(), "", "-c", "SELECT 6 * 7 AS answer");
        assertEquals(0, result.exitCode, result.toString());
        assertTrue(result.stdout.contains("42"), result.stdout);
    }
}
