package dev.basalt.sqllogictest;

import java.util.List;

/** A directive this runner does not know (e.g. DuckDB's {@code require}); running it fails, so authors notice. */
public record UnsupportedRecord(int line, List<Condition> conditions, String directive) implements SltRecord
{
    public UnsupportedRecord
    {
        conditions = List.copyOf(conditions);
    }
}
