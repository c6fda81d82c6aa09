package dev.basalt.spi.catalog;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What a scan should read: which table columns (by ordinal, in output order), which predicates it may use to skip
 * data without reading it (zone maps, bloom filters), whether to append a row-id column, and optionally an index
 * lookup that selects the rows exactly, and which {@link ScanSplit} of the table to read (parallel scans).
 *
 * <p>With {@code rowIds}, every batch carries one more BIGINT column after the requested ones: an id of each row
 * that is stable for the snapshot the scan reads and that {@link TableWriter#delete} accepts (DELETE, UPDATE).
 */
public record ScanSpec(List<Integer> columns, List<ColumnPredicate> predicates, boolean rowIds, Optional<IndexLookup> index, ScanSplit split)
{
    public ScanSpec
    {
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        predicates = List.copyOf(requireNonNull(predicates, "predicates is null"));
        requireNonNull(index, "index is null");
        requireNonNull(split, "split is null");
    }

    public ScanSpec(List<Integer> columns, List<ColumnPredicate> predicates, boolean rowIds, Optional<IndexLookup> index)
    {
        this(columns, predicates, rowIds, index, ScanSplit.ALL);
    }

    public ScanSpec(List<Integer> columns, List<ColumnPredicate> predicates)
    {
        this(columns, predicates, false, Optional.empty());
    }

    public static ScanSpec allColumns(TableSchema schema)
    {
        Integer[] ordinals = new Integer[schema.columnCount()];
        for (int i = 0; i < ordinals.length; i++) {
            ordinals[i] = i;
        }
        return new ScanSpec(List.of(ordinals), List.of());
    }

    public ScanSpec withRowIds()
    {
        return new ScanSpec(columns, predicates, true, index, split);
    }

    public ScanSpec withIndex(IndexLookup lookup)
    {
        return new ScanSpec(columns, predicates, rowIds, Optional.of(lookup), split);
    }

    public ScanSpec withSplit(ScanSplit newSplit)
    {
        return new ScanSpec(columns, predicates, rowIds, index, newSplit);
    }
}
