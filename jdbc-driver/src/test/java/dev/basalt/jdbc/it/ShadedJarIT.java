package dev.basalt.jdbc.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shaded jar in a plain JVM: only the jar and a compiled user program on the class path, none of the
 * engine's JVM flags (no Vector API module, no Unsafe flag). Runs after {@code package}, see the pom.
 */
class ShadedJarIT
{
    private static final String ADD_OPENS = "--add-opens=java.base/java.nio=ALL-UNNAMED";

    private static Path shadedJar;
    private static Path testClasses;

    @BeforeAll
    static void locate()
    {
        shadedJar = Path.of(System.getProperty("basalt.jdbc.shadedJar", "target/basalt-jdbc-0.1.0-SNAPSHOT-all.jar"));
        testClasses = Path.of(System.getProperty("basalt.testClasses", "target/test-classes"));
        assertTrue(Files.isRegularFile(shadedJar), "the shaded jar is built before this test: " + shadedJar.toAbsolutePath());
    }

    @Test
    void plainProgramWithTheDocumentedFlag(@TempDir Path dir) throws Exception
    {
        Result result = run(dir, List.of(ADD_OPENS));
        assertEquals(0, result.exitCode, result.output);
        assertTrue(result.output.contains("PLAIN-JDBC-OK"), result.output);
        assertFalse(result.output.contains("\tat "), "no stack trace: " + result.output);
    }

    @Test
    void withoutTheFlagTheErrorNamesIt(@TempDir Path dir) throws Exception
    {
        Result result = run(dir, List.of());
        assertEquals(2, result.exitCode, result.output);
        assertTrue(result.output.contains("SQLSTATE 08001"), result.output);
        assertTrue(result.output.contains(ADD_OPENS), "the message names the flag to add: " + result.output);
        assertFalse(result.output.contains("\tat "), "no stack trace: " + result.output);
    }

    private record Result(int exitCode, String output) {}

    private static Result run(Path dir, List<String> jvmFlags) throws IOException, InterruptedException
    {
        Path csv = dir.resolve("fruit data.csv");
        Files.writeString(csv, "id|name|price|day\n1|apple|1.50|2024-01-15\n2|pear|0.99|2024-02-29\n3|fig|12.00|2023-12-31\n", StandardCharsets.UTF_8);
        Path javaBinary = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>();
        command.add(javaBinary.toString());
        command.addAll(jvmFlags);
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(shadedJar.toAbsolutePath() + java.io.File.pathSeparator + testClasses.toAbsolutePath());
        command.add(PlainJdbcProgram.class.getName());
        command.add(dir.resolve("db").toString());
        command.add(csv.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the program finished");
        return new Result(process.exitValue(), String.join(" ", command) + "\n" + output);
    }
}
