package dev.basalt.engine;

import java.util.List;

/** Test helpers: run a statement and read its rows or update count, closing the result. */
final class Sql
{
    private Sql() {}

    static List<List<Object>> query(Session session, String sql, Object... parameters)
    {
        try (QueryResult result = session.execute(sql, List.of(parameters))) {
            return result.fetchAll();
        }
    }

    static long update(Session session, String sql, Object... parameters)
    {
        try (QueryResult result = session.execute(sql, List.of(parameters))) {
            return result.updateCount();
        }
    }

    static Object scalar(Session session, String sql, Object... parameters)
    {
        List<List<Object>> rows = query(session, sql, parameters);
        if (rows.size() != 1 || rows.getFirst().size() != 1) {
            throw new AssertionError("expected one value from " + sql + ", got " + rows);
        }
        return rows.getFirst().getFirst();
    }
}
