package dev.basalt.planner.plan;

import dev.basalt.planner.expression.RowExpression;
import dev.basalt.spi.catalog.Column;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** Computes one output column per expression over the source's columns. */
public record Project(PhysicalPlan source, List<RowExpression> projections, List<Column> outputColumns) implements PhysicalPlan
{
    public Project
    {
        requireNonNull(source, "source is null");
        projections = List.copyOf(requireNonNull(projections, "projections is null"));
        outputColumns = List.copyOf(requireNonNull(outputColumns, "outputColumns is null"));
        if (projections.size() != outputColumns.size()) {
            throw new IllegalArgumentException("projections and outputColumns differ in size");
        }
    }

    @Override
    public List<PhysicalPlan> children()
    {
        return List.of(source);
    }

    @Override
    public long estimatedRows()
    {
        return source.estimatedRows();
    }
}
