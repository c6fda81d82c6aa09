package dev.basalt.spi.catalog;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What a scan should read: which table columns (by ordinal, in output order) and which predicates it may use
 * to skip data without reading it (zone maps, later indexes).
 */
public record ScanSpec(List<Integer> columns, List<ColumnPredicate> predicates)
{
    public ScanSpec
    {
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        predicates = List.copyOf(requireNonNull(predicates, "predicates is null"));
    }

    public static ScanSpec allColumns(TableSchema schema)
    {
        Integer[] ordinals = new Integer[schema.columnCount()];
        for (int i = 0; i < ordinals.length; i++) {
            ordinals[i] = i;
        }
        return new ScanSpec(List.of(ordinals), List.of());
    }
}
