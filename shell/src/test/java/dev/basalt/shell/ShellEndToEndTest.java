package dev.basalt.shell;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shell against the real engine, in-process: -c, -f, piped scripts, meta commands, errors. */
class ShellEndToEndTest
{
    private record Run(int exitCode, String out, String err) {}

    private static Run run(String stdin, String... args)
    {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        BasaltShell shell = new BasaltShell(new BufferedReader(new StringReader(stdin)), new PrintWriter(out), new PrintWriter(err), false);
        int exitCode = BasaltShell.run(shell, args);
        Run run = new Run(exitCode, out.toString(), err.toString());
        assertFalse(run.out.contains("\tat ") || run.err.contains("\tat "), "never a stack trace: " + run);
        return run;
    }

    @Test
    void commandRunsStatementsAndPrintsTables()
    {
        Run run = run("", "-c", "CREATE TABLE t (a INTEGER, b VARCHAR); INSERT INTO t VALUES (1, 'x'), (20, NULL); SELECT a, b FROM t ORDER BY a");
        assertEquals(0, run.exitCode, run.toString());
        assertEquals("", run.err);
        assertEquals("""
                OK
                OK, 2 rows affected
                +----+------+
                | a  | b    |
                +----+------+
                |  1 | x    |
                | 20 | NULL |
                +----+------+
                (2 rows)
                """, run.out);
    }

    @Test
    void triggerBodiesAreNotSplitAtTheirSemicolons()
    {
        String script = """
                CREATE TABLE t (a INTEGER);
                CREATE TABLE log (a INTEGER, note VARCHAR);
                CREATE TRIGGER t_log AFTER INSERT ON t BEGIN
                    INSERT INTO log VALUES (new.a, 'x;y');
                    INSERT INTO log VALUES (new.a * 10, CASE WHEN new.a > 1 THEN 'big' END);
                END;
                INSERT INTO t VALUES (1), (2);
                SELECT count(*) AS n FROM log;
                """;
        Run run = run(script);
        assertEquals(0, run.exitCode, run.toString());
        assertEquals("", run.err);
        assertTrue(run.out.contains("| 4 |"), run.out);
    }

    @Test
    void pipedScriptWithMultiLineStatementsMetaCommandsAndErrors()
    {
        String script = """
                -- a comment line
                CREATE TABLE items (
                    id INTEGER NOT NULL,
                    price DECIMAL(10,2)   -- trailing comment; with a semicolon
                );
                INSERT INTO items VALUES (1, 1.50), (2, 0.99);
                CREATE VIEW cheap AS SELECT id FROM items WHERE price < 1;
                .tables
                .schema items
                .schema cheap
                SELECT * FORM items;
                SELECT count(*) AS n,
                       sum(price) AS total
                FROM items;
                SELECT * FROM missing;
                .timer on
                SELECT 'it''s; fine' AS s;
                .bogus
                """;
        Run run = run(script);
        assertEquals(1, run.exitCode, "errors make the exit code non-zero: " + run);
        assertTrue(run.out.contains("OK, 2 rows affected"), run.out);
        assertTrue(run.out.contains("\ncheap\nitems\n"), ".tables lists views too: " + run.out);
        assertTrue(run.out.contains("CREATE VIEW cheap (id) AS\nSELECT id FROM items WHERE price < 1;"), ".schema of a view: " + run.out);
        assertTrue(run.out.contains("CREATE TABLE items (\n    id INTEGER NOT NULL,\n    price DECIMAL(10,2)\n);"), ".schema: " + run.out);
        assertTrue(run.out.contains("| n | total |"), run.out);
        assertTrue(run.out.contains("| 2 |  2.49 |"), run.out);
        assertTrue(run.out.contains("| it's; fine |"), run.out);
        assertTrue(run.out.contains("Time: "), ".timer on: " + run.out);
        assertEquals(1, run.out.split("Time: ", -1).length - 1, "timer only after .timer on: " + run.out);

        assertTrue(run.err.contains("Error 42601: "), run.err);
        assertTrue(run.err.contains("LINE 1: SELECT * FORM items\n                 ^\n"), run.err);
        assertTrue(run.err.contains("Error 42P01: "), run.err);
        assertTrue(run.err.contains("Error 42601: unknown command .bogus"), run.err);
    }

    @Test
    void metaCommandsAfterStatementsInCommandText()
    {
        Run run = run("", "-c", "CREATE TABLE m (x INTEGER); .tables");
        assertEquals(0, run.exitCode, run.toString());
        assertEquals("OK\nm\n", run.out);
    }

    @Test
    void fileOptionAndQuit(@TempDir Path dir) throws IOException
    {
        Path file = dir.resolve("script file.sql");
        Files.writeString(file, "SELECT 1 AS one;\n.quit\nSELECT 2 AS two;\n");
        Run run = run("", "-f", file.toString());
        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.out.contains("| one |"), run.out);
        assertFalse(run.out.contains("two"), ".quit stops the script: " + run.out);

        Run missing = run("", "-f", dir.resolve("nope.sql").toString());
        assertEquals(1, missing.exitCode);
        assertTrue(missing.err.startsWith("Error 58030: cannot read"), missing.err);
    }

    @Test
    void lastStatementWithoutSemicolonRuns()
    {
        Run run = run("SELECT 40 + 2 AS answer");
        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.out.contains("| 42 |") || run.out.contains("|     42 |"), run.out);
        assertTrue(run.out.contains("(1 row)"), run.out);
    }

    @Test
    void maxRowsLimitsPrintedRowsButCountsAll()
    {
        Run run = run("CREATE TABLE n (x INTEGER); INSERT INTO n VALUES (1), (2), (3); SELECT x FROM n ORDER BY x;", "--max-rows", "2");
        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.out.contains("(3 rows, 2 shown"), run.out);
        assertFalse(run.out.contains("|  3 |") || run.out.contains("| 3 |"), run.out);
    }

    @Test
    void directoryDatabasePersists(@TempDir Path dir)
    {
        String path = dir.resolve("my db").toString();
        assertEquals(0, run("", path, "-c", "CREATE TABLE kept (v VARCHAR); INSERT INTO kept VALUES ('still here');").exitCode);
        Run again = run("", path, "-c", "SELECT v FROM kept");
        assertEquals(0, again.exitCode, again.toString());
        assertTrue(again.out.contains("still here"), again.out);
    }

    @Test
    void unopenableDatabaseIsAnErrorNotATrace(@TempDir Path dir) throws IOException
    {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
        Run run = run("", file.toString(), "-c", "SELECT 1");
        assertEquals(1, run.exitCode, run.toString());
        assertTrue(run.err.startsWith("Error "), run.err);
        assertTrue(run.err.contains("cannot open database"), run.err);
    }

    @Test
    void optionsHelpAndVersion()
    {
        Run version = run("", "--version");
        assertEquals(0, version.exitCode);
        assertTrue(version.out.startsWith("Basalt "), version.out);
        Run help = run("", "--help");
        assertEquals(0, help.exitCode);
        assertTrue(help.out.contains("--command"), help.out);
        assertTrue(help.out.contains("--memory-limit"), help.out);
        Run bad = run("", "--no-such-option");
        assertEquals(2, bad.exitCode);
        assertTrue(bad.err.contains("--no-such-option"), bad.err);
        Run badMemory = run("", "--memory-limit", "lots", "-c", "SELECT 1");
        assertEquals(2, badMemory.exitCode);
        assertTrue(badMemory.err.startsWith("Error 22023: --memory-limit"), badMemory.err);
    }
}
