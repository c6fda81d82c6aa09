package dev.basalt.sqllogictest;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * {@code statement ok}, {@code statement error [SQLSTATE] [regex]} or {@code statement count N}.
 *
 * @param error null for {@code statement ok} / {@code count}
 * @param expectedCount the update count {@code statement count N} expects, or -1
 */
public record StatementRecord(int line, List<Condition> conditions, String sql, ErrorExpectation error, long expectedCount)
        implements SltRecord
{
    public StatementRecord
    {
        conditions = List.copyOf(requireNonNull(conditions, "conditions is null"));
        requireNonNull(sql, "sql is null");
    }
}
