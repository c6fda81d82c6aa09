package dev.basalt.sqllogictest;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * {@code query <types> [sortmode] [label]} with its SQL and expected block, or {@code query error ...}.
 *
 * @param types one character per result column: I integer, R real (3 decimals), T text, ? as is; empty for an error query
 * @param label null when none; every query with the same label must produce the same result
 * @param error non-null for {@code query error}
 * @param blockStart 0-based index in the file's lines where the expected values start (or where a missing
 *     {@code ----} would go); -1 when the record was produced by a loop and cannot be rewritten
 * @param blockEnd 0-based exclusive end of the expected values
 * @param hasSeparator whether the record has a {@code ----} line
 */
public record QueryRecord(
        int line,
        List<Condition> conditions,
        String sql,
        String types,
        SortMode sortMode,
        String label,
        ExpectedResult expected,
        ErrorExpectation error,
        int blockStart,
        int blockEnd,
        boolean hasSeparator)
        implements SltRecord
{
    public QueryRecord
    {
        conditions = List.copyOf(requireNonNull(conditions, "conditions is null"));
        requireNonNull(sql, "sql is null");
        requireNonNull(types, "types is null");
        requireNonNull(sortMode, "sortMode is null");
        requireNonNull(expected, "expected is null");
    }
}
