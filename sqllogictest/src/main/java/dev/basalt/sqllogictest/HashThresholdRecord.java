package dev.basalt.sqllogictest;

import java.util.List;

/** {@code hash-threshold N}: later results with more than N values are written (by completion) as a hash. */
public record HashThresholdRecord(int line, List<Condition> conditions, int threshold) implements SltRecord
{
    public HashThresholdRecord
    {
        conditions = List.copyOf(conditions);
    }
}
