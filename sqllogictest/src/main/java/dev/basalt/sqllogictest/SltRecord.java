package dev.basalt.sqllogictest;

import java.util.List;

/** One record of a sqllogictest file. {@link #line()} is the 1-based line of its first (directive) line. */
public sealed interface SltRecord
        permits StatementRecord, QueryRecord, HashThresholdRecord, HaltRecord, UnsupportedRecord
{
    int line();

    List<Condition> conditions();

    /** Whether the record's guards let it run on {@code engineName}. */
    default boolean appliesTo(String engineName)
    {
        for (Condition condition : conditions()) {
            if (!condition.allows(engineName)) {
                return false;
            }
        }
        return true;
    }
}
