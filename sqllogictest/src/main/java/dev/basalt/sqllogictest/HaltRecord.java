package dev.basalt.sqllogictest;

import java.util.List;

/** {@code halt}: ignore the rest of the file (usually behind an {@code onlyif}). */
public record HaltRecord(int line, List<Condition> conditions) implements SltRecord
{
    public HaltRecord
    {
        conditions = List.copyOf(conditions);
    }
}
