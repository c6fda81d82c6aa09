package dev.basalt.planner.plan;

import dev.basalt.spi.catalog.Column;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Evaluates window functions that share one PARTITION BY / ORDER BY. Output: all source columns, then one column per
 * function, in order. Rows come out grouped by partition and sorted by {@code orderBy} within it (the planner stacks
 * one Window per distinct window specification). Peers (rows equal on every orderBy key) matter for RANK and RANGE
 * frames.
 */
public record Window(PhysicalPlan source, List<Integer> partitionBy, List<SortKey> orderBy, List<WindowFunctionCall> functions,
        List<Column> outputColumns)
        implements PhysicalPlan
{
    public Window
    {
        requireNonNull(source, "source is null");
        partitionBy = List.copyOf(requireNonNull(partitionBy, "partitionBy is null"));
        orderBy = List.copyOf(requireNonNull(orderBy, "orderBy is null"));
        functions = List.copyOf(requireNonNull(functions, "functions is null"));
        outputColumns = List.copyOf(requireNonNull(outputColumns, "outputColumns is null"));
        if (source.outputColumns().size() + functions.size() != outputColumns.size()) {
            throw new IllegalArgumentException("output must be the source columns plus one column per function");
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
