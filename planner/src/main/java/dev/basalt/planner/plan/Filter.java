package dev.basalt.planner.plan;

import dev.basalt.planner.expression.RowExpression;
import dev.basalt.spi.catalog.Column;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** Keeps the rows for which the BOOLEAN {@code predicate} is TRUE (NULL and FALSE drop the row). */
public record Filter(PhysicalPlan source, RowExpression predicate, long estimatedRows) implements PhysicalPlan
{
    public Filter
    {
        requireNonNull(source, "source is null");
        requireNonNull(predicate, "predicate is null");
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
}
