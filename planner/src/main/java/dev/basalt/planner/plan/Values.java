package dev.basalt.planner.plan;

import dev.basalt.planner.expression.RowExpression;
import dev.basalt.spi.catalog.Column;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Literal rows (VALUES, or the single empty row of a SELECT without FROM). Each row's expressions have no
 * InputReference and the output column types; they are evaluated once at execution.
 */
public record Values(List<Column> outputColumns, List<List<RowExpression>> rows) implements PhysicalPlan
{
    public Values
    {
        outputColumns = List.copyOf(requireNonNull(outputColumns, "outputColumns is null"));
        rows = rows.stream().map(List::copyOf).toList();
    }

    @Override
    public List<PhysicalPlan> children()
    {
        return List.of();
    }

    @Override
    public long estimatedRows()
    {
        return rows.size();
    }
}
