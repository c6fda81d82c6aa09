package dev.basalt.spi.catalog;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** What the planner knows about a table's contents: row count and per-column statistics in column order. */
public record TableStatistics(long rowCount, List<ColumnStatistics> columns)
{
    public TableStatistics
    {
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
    }

    /** Min and max are canonical values of the column's type, or null when unknown / all null. distinctCount is -1 when unknown. */
    public record ColumnStatistics(Object min, Object max, long nullCount, long distinctCount) {}
}
