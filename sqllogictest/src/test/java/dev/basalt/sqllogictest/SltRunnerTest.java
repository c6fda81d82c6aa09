package dev.basalt.sqllogictest;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SltRunnerTest
{
    private static final String FILE = """
            statement ok
            CREATE TABLE t(a INTEGER)

            statement error 42P01
            SELECT * FROM missing

            statement error 42P01
            SELECT * FROM wrong_code

            statement error
            SELECT crash

            statement error 22012 division
            SELECT 1/0

            query IR rowsort
            SELECT a, a / 2 FROM t
            ----
            3	1.500
            1	0.500

            query I
            SELECT count(*) FROM t
            ----
            3

            query T
            SELECT 'x'
            ----
            x

            query I lbl
            SELECT 5
            ----
            5

            query I lbl
            SELECT 6
            ----
            6

            query I
            INSERT INTO t VALUES (7)
            ----
            1
            """;

    @Test
    void runsRecordsAgainstAnEngine()
    {
        FakeConnection engine = new FakeConnection()
                .answer("CREATE TABLE t(a INTEGER)", ExecutionResult.update(0))
                .fail("SELECT * FROM missing", new SltEngineException("42P01", "table missing does not exist", 1, 15, false, null))
                .fail("SELECT * FROM wrong_code", new SltEngineException("42703", "column?", 0, 0, false, null))
                .fail("SELECT crash", new SltEngineException(null, "escaped java.lang.NullPointerException", 0, 0, true, null))
                .fail("SELECT 1/0", new SltEngineException("22012", "division by zero", 0, 0, false, null))
                .answer("SELECT a, a / 2 FROM t", ExecutionResult.query(2, List.of(List.of(1, 0.5), List.of(3, 1.5))))
                .answer("SELECT count(*) FROM t", ExecutionResult.query(1, List.of(List.of(2L))))
                .answer("SELECT 'x'", ExecutionResult.query(2, List.of(List.of("x", "y"))))
                .answer("SELECT 5", ExecutionResult.query(1, List.of(List.of(5))))
                .answer("SELECT 6", ExecutionResult.query(1, List.of(List.of(6))))
                .answer("INSERT INTO t VALUES (7)", ExecutionResult.update(1));
        SltFile file = SltParser.parse("r.slt", FILE);
        List<RecordResult> results = new ArrayList<>();
        try (SltFileRun run = new SltFileRun(file, () -> engine, List.of(), Duration.ofMinutes(1), true)) {
            assertTrue(run.open().isPassed());
            for (SltFile.Step step : file.plan("basalt").steps()) {
                results.add(run.run(step));
            }
            assertTrue(run.finish().isPassed());
        }
        assertTrue(engine.closed);
        List<String> statuses = new ArrayList<>();
        for (RecordResult result : results) {
            statuses.add(result.isPassed() ? "ok" : "FAIL");
        }
        assertEquals(List.of("ok", "ok", "FAIL", "FAIL", "ok", "ok", "FAIL", "FAIL", "ok", "FAIL", "ok"), statuses);
        assertTrue(results.get(2).message().contains("expected SQLSTATE 42P01"), results.get(2).message());
        assertTrue(results.get(3).message().contains("internal error"), results.get(3).message());
        assertTrue(results.get(6).message().contains("result mismatch"), results.get(6).message());
        assertTrue(results.get(7).message().contains("expected 1 columns"), results.get(7).message());
        assertTrue(results.get(9).message().contains("label lbl"), results.get(9).message());
        assertEquals(List.of("1\t0.500", "3\t1.500"), results.get(5).completedBlock());
    }

    @Test
    void completionRewritesExpectedBlocks()
    {
        String text = """
                query I
                SELECT 1
                ----
                9
                9

                query T
                SELECT 'a'

                query I
                SELECT 2
                ----
                2
                """;
        SltFile file = SltParser.parse("c.slt", text);
        Map<QueryRecord, List<String>> blocks = new LinkedHashMap<>();
        blocks.put((QueryRecord) file.records().get(0), List.of("1"));
        blocks.put((QueryRecord) file.records().get(1), List.of("a"));
        String completed = SltCompleter.complete(file, blocks);
        assertEquals("""
                query I
                SELECT 1
                ----
                1

                query T
                SELECT 'a'
                ----
                a

                query I
                SELECT 2
                ----
                2
                """, completed);
    }
}
