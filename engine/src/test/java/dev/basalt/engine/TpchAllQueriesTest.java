package dev.basalt.engine;

import dev.basalt.spi.catalog.Column;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every TPC-H query of the shared corpus over dbgen data at SF 0.01, compared by value with DuckDB's answers
 * (decimals exactly at the answer's scale, doubles with relative tolerance 1e-6, the rest as text). Each query runs
 * with the default threads (parallel: the database lowers the table size from which pipelines use workers, so that
 * SF 0.01 runs in parallel too) and with {@code threads = 1}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TpchAllQueriesTest
{
    private Database database;
    private Session session;
    private Session singleThreaded;

    @BeforeAll
    void load()
    {
        Assumptions.assumeTrue(Files.isDirectory(TpchTestData.corpus().resolve("tpch")),
                "TPC-H corpus not found at " + TpchTestData.corpus() + " (set -Dbasalt.shared=<dir containing corpus/>): skipping");
        database = Database.inMemory(DatabaseOptions.defaults().withParallelMinRows(5_000));
        session = database.newSession();
        // at least two workers even on a one-core machine
        Sql.update(session, "SET threads = " + Math.max(2, Runtime.getRuntime().availableProcessors()));
        Sql.update(session, "CALL dbgen(sf => 0.01)");
        singleThreaded = database.newSession();
        Sql.update(singleThreaded, "SET threads = 1");
    }

    @AfterAll
    void close()
    {
        if (database != null) {
            singleThreaded.close();
            session.close();
            database.close();
        }
    }

    static IntStream queries()
    {
        return IntStream.rangeClosed(1, 22);
    }

    @ParameterizedTest(name = "Q{0}")
    @MethodSource("queries")
    void matchesAnswer(int number)
            throws IOException
    {
        assertMatchesAnswer(session, number);
    }

    @ParameterizedTest(name = "Q{0} threads=1")
    @MethodSource("queries")
    void matchesAnswerSingleThreaded(int number)
            throws IOException
    {
        assertMatchesAnswer(singleThreaded, number);
    }

    private static void assertMatchesAnswer(Session session, int number)
            throws IOException
    {
        String sql = Files.readString(TpchTestData.query(number));
        List<String> expectedLines = Files.readAllLines(TpchTestData.answer("0.01", number));
        List<String> header = List.of(expectedLines.getFirst().split("\\|", -1));
        List<List<Object>> actual;
        List<Column> columns;
        try (QueryResult result = session.execute(sql)) {
            columns = result.columns();
            actual = result.fetchAll();
        }
        assertEquals(header, columns.stream().map(Column::name).toList(), "column names");
        List<String[]> expected = new ArrayList<>();
        for (String line : expectedLines.subList(1, expectedLines.size())) {
            expected.add(line.split("\\|", -1));
        }
        assertEquals(expected.size(), actual.size(), "row count");
        for (int row = 0; row < expected.size(); row++) {
            for (int column = 0; column < header.size(); column++) {
                assertValue(expected.get(row)[column], actual.get(row).get(column), "row " + (row + 1) + " column " + header.get(column));
            }
        }
    }

    private static void assertValue(String expected, Object actual, String where)
    {
        if (expected.isEmpty()) {
            assertEquals(null, actual, where);
            return;
        }
        switch (actual) {
            case BigDecimal decimal -> {
                BigDecimal wanted = new BigDecimal(expected);
                if (wanted.scale() <= decimal.scale()) {
                    assertEquals(wanted, decimal.setScale(wanted.scale(), RoundingMode.UNNECESSARY), where);
                }
                else {
                    assertClose(wanted.doubleValue(), decimal.doubleValue(), where);
                }
            }
            case Double value -> assertClose(Double.parseDouble(expected), value, where);
            case Float value -> assertClose(Double.parseDouble(expected), value, where);
            case Number value -> assertEquals(new BigDecimal(expected).longValueExact(), value.longValue(), where);
            case null -> fail(where + ": expected " + expected + " but was NULL");
            default -> assertEquals(expected, actual.toString(), where);
        }
    }

    private static void assertClose(double expected, double actual, String where)
    {
        double tolerance = Math.max(1e-12, Math.abs(expected) * 1e-6);
        assertTrue(Math.abs(expected - actual) <= tolerance, where + ": expected " + expected + " but was " + actual);
    }
}
