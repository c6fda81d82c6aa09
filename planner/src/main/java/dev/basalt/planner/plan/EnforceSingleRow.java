package dev.basalt.planner.plan;

import dev.basalt.spi.catalog.Column;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The input of a scalar subquery: passes a single row through; no rows becomes one row of NULLs; two or more rows
 * fail with CARDINALITY_VIOLATION (21000) "more than one row returned by a subquery used as an expression".
 */
public record EnforceSingleRow(PhysicalPlan source) implements PhysicalPlan
{
    public EnforceSingleRow
    {
        requireNonNull(source, "source is null");
    }

    @Override
    public List<Column> outputColumns()
    {
        return source.outputColumns();
    }

    @Override
    public List<PhysicalPlan> children()
    {
        return List.of(source);
    }

    @Override
    public long estimatedRows()
    {
        return 1;
    }
}
