package dev.basalt.sqllogictest;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What one statement returned: rows of canonical Java values (see {@code dev.basalt.spi.value.Values}) for a
 * query, or an update count otherwise.
 */
public record ExecutionResult(boolean isQuery, int columnCount, List<List<Object>> rows, long updateCount)
{
    public ExecutionResult
    {
        requireNonNull(rows, "rows is null");
    }

    public static ExecutionResult query(int columnCount, List<List<Object>> rows)
    {
        return new ExecutionResult(true, columnCount, rows, -1);
    }

    public static ExecutionResult update(long updateCount)
    {
        return new ExecutionResult(false, 0, List.of(), updateCount);
    }
}
