package dev.basalt.planner.plan;

import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.ColumnPredicate;
import dev.basalt.spi.catalog.IndexLookup;
import dev.basalt.spi.catalog.ScanSpec;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Reads table {@code table} (the catalog name), the given column ordinals in output order. {@code predicates}
 * (on table ordinals) are zone-map hints the scan may use to skip row groups; a Filter above still applies the
 * exact predicate. With {@code rowIds} the output has one more BIGINT column, the row id (DELETE / UPDATE), so
 * {@code outputColumns} is one longer than {@code columns}. {@code index} reads only the rows an index finds.
 */
public record TableScan(String table, List<Integer> columns, List<ColumnPredicate> predicates, List<Column> outputColumns, long estimatedRows, boolean rowIds, Optional<IndexLookup> index)
        implements PhysicalPlan
{
    public TableScan
    {
        requireNonNull(table, "table is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        predicates = List.copyOf(requireNonNull(predicates, "predicates is null"));
        outputColumns = List.copyOf(requireNonNull(outputColumns, "outputColumns is null"));
        requireNonNull(index, "index is null");
        if (columns.size() + (rowIds ? 1 : 0) != outputColumns.size()) {
            throw new IllegalArgumentException("columns and outputColumns differ in size");
        }
    }

    public TableScan(String table, List<Integer> columns, List<ColumnPredicate> predicates, List<Column> outputColumns, long estimatedRows)
    {
        this(table, columns, predicates, outputColumns, estimatedRows, false, Optional.empty());
    }

    /** What to ask storage for. */
    public ScanSpec spec()
    {
        return new ScanSpec(columns, predicates, rowIds, index);
    }

    @Override
    public List<PhysicalPlan> children()
    {
        return List.of();
    }
}
