package dev.basalt.planner.plan;

import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.ColumnPredicate;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Reads table {@code table} (the catalog name), the given column ordinals in output order. {@code predicates}
 * (on table ordinals) are zone-map hints the scan may use to skip row groups; a Filter above still applies the
 * exact predicate.
 */
public record TableScan(String table, List<Integer> columns, List<ColumnPredicate> predicates, List<Column> outputColumns, long estimatedRows)
        implements PhysicalPlan
{
    public TableScan
    {
        requireNonNull(table, "table is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        predicates = List.copyOf(requireNonNull(predicates, "predicates is null"));
        outputColumns = List.copyOf(requireNonNull(outputColumns, "outputColumns is null"));
        if (columns.size() != outputColumns.size()) {
            throw new IllegalArgumentException("columns and outputColumns differ in size");
        }
    }

    @Override
    public List<PhysicalPlan> children()
    {
        return List.of();
    }
}
