package dev.basalt.engine.storage;

import dev.basalt.engine.QueryResult;
import dev.basalt.engine.Session;

import java.util.ArrayList;
import java.util.List;

/** Test helpers for this package: run a statement and read its rows or update count, closing the result. */
final class SqlRunner
{
    private SqlRunner() {}

    static List<List<Object>> query(Session session, String sql)
    {
        try (QueryResult result = session.execute(sql)) {
            return result.fetchAll();
        }
    }

    static long update(Session session, String sql)
    {
        try (QueryResult result = session.execute(sql)) {
            return result.updateCount();
        }
    }

    static Object scalar(Session session, String sql)
    {
        List<List<Object>> rows = query(session, sql);
        if (rows.size() != 1 || rows.getFirst().size() != 1) {
            throw new AssertionError("expected one value from " + sql + ", got " + rows);
        }
        return rows.getFirst().getFirst();
    }

    /** The rows as a sorted list of their text, to compare results as multisets. */
    static List<String> sortedRows(Session session, String sql)
    {
        List<String> rows = new ArrayList<>();
        for (List<Object> row : query(session, sql)) {
            rows.add(row.toString());
        }
        rows.sort(null);
        return rows;
    }

    /** The EXPLAIN text of a query. */
    static String explain(Session session, String sql)
    {
        StringBuilder text = new StringBuilder();
        for (List<Object> row : query(session, "EXPLAIN " + sql)) {
            for (Object value : row) {
                text.append(value).append('\n');
            }
        }
        return text.toString();
    }
}
