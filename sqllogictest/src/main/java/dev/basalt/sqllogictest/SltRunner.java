package dev.basalt.sqllogictest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Runs the steps of one file, in order, against one connection. Keeps the per-file state records share
 * (query labels). Never throws for anything the engine does: every outcome is a {@link RecordResult}.
 */
public final class SltRunner
{
    private static final int SHOWN_SQL = 400;

    /** DuckDB's placeholder for a scratch directory of the file's own (e.g. for COPY). */
    public static final String TEST_DIR = "__TEST_DIR__";

    private final SltConnection connection;
    private final boolean checkErrorDetails;
    private final String testDir;
    private final Map<String, String> labels = new HashMap<>();

    /**
     * @param checkErrorDetails false when the engine does not report Basalt's SQLSTATEs and messages (the DuckDB
     *     cross-check): then an error record only checks that an error happened
     * @param testDir replaces {@value #TEST_DIR} in SQL text
     */
    public SltRunner(SltConnection connection, boolean checkErrorDetails, String testDir)
    {
        this.connection = requireNonNull(connection, "connection is null");
        this.checkErrorDetails = checkErrorDetails;
        this.testDir = requireNonNull(testDir, "testDir is null");
    }

    public RecordResult run(SltFile.Step step)
    {
        return switch (step.record()) {
            case StatementRecord statement -> runStatement(statement);
            case QueryRecord query -> runQuery(query, step.hashThreshold());
            case UnsupportedRecord unsupported -> RecordResult.failed("unsupported directive: " + unsupported.directive());
            case HashThresholdRecord ignored -> RecordResult.passed();
            case HaltRecord ignored -> RecordResult.passed();
        };
    }

    private RecordResult runStatement(StatementRecord record)
    {
        ExecutionResult result;
        try {
            result = connection.execute(record.sql().replace(TEST_DIR, testDir));
        }
        catch (SltEngineException e) {
            if (record.error() == null) {
                return RecordResult.failed("statement failed: " + e.describe() + withSql(record.sql()));
            }
            return checkError(record.error(), e, record.sql());
        }
        if (record.error() != null) {
            return RecordResult.failed("expected " + record.error() + " but the statement succeeded" + withSql(record.sql()));
        }
        if (record.expectedCount() >= 0) {
            long count = result.isQuery() ? result.rows().size() : result.updateCount();
            if (count != record.expectedCount()) {
                return RecordResult.failed("expected count " + record.expectedCount() + " but got " + count + withSql(record.sql()));
            }
        }
        return RecordResult.passed();
    }

    private RecordResult runQuery(QueryRecord record, int hashThreshold)
    {
        ExecutionResult result;
        try {
            result = connection.execute(record.sql().replace(TEST_DIR, testDir));
        }
        catch (SltEngineException e) {
            if (record.error() == null) {
                return RecordResult.failed("query failed: " + e.describe() + withSql(record.sql()));
            }
            return checkError(record.error(), e, record.sql());
        }
        if (record.error() != null) {
            return RecordResult.failed("expected " + record.error() + " but the query succeeded" + withSql(record.sql()));
        }
        int columnCount = result.isQuery() ? result.columnCount() : 1;
        List<List<Object>> rawRows = result.isQuery() ? result.rows() : List.of(List.of(result.updateCount()));
        String types = record.types();
        if (!types.isEmpty() && types.length() != columnCount) {
            return RecordResult.failed("expected " + types.length() + " columns (" + types + ") but got " + columnCount
                    + withSql(record.sql()));
        }
        List<List<String>> rows = new ArrayList<>(rawRows.size());
        for (List<Object> rawRow : rawRows) {
            List<String> row = new ArrayList<>(rawRow.size());
            for (int c = 0; c < rawRow.size(); c++) {
                char type = c < types.length() ? types.charAt(c) : '?';
                row.add(ValueFormatter.format(rawRow.get(c), type));
            }
            rows.add(row);
        }
        List<String> completed = ResultMatcher.render(rows, record.sortMode(), hashThreshold);
        String mismatch = ResultMatcher.mismatch(record.expected(), rows, columnCount, record.sortMode());
        if (mismatch != null) {
            return RecordResult.failed(mismatch + withSql(record.sql()), completed);
        }
        if (record.label() != null) {
            String fingerprint = ResultMatcher.fingerprint(rows, record.sortMode());
            String previous = labels.putIfAbsent(record.label(), fingerprint);
            if (previous != null && !previous.equals(fingerprint)) {
                return RecordResult.failed("label " + record.label() + ": " + fingerprint + " differs from an earlier query's "
                        + previous + withSql(record.sql()), completed);
            }
        }
        return RecordResult.passed(completed);
    }

    private RecordResult checkError(ErrorExpectation expected, SltEngineException error, String sql)
    {
        // An internal error (engine bug) must not pass for the user error a test expects.
        if (error.internal() && !"XX000".equals(expected.sqlState())) {
            return RecordResult.failed("expected " + expected + " but got an internal error: " + error.describe() + withSql(sql));
        }
        String mismatch = expected.mismatch(error, checkErrorDetails);
        return mismatch == null ? RecordResult.passed() : RecordResult.failed(mismatch + withSql(sql));
    }

    private static String withSql(String sql)
    {
        String shown = sql.length() > SHOWN_SQL ? sql.substring(0, SHOWN_SQL) + "..." : sql;
        return "\n  SQL: " + shown.replace("\n", "\n       ");
    }
}
