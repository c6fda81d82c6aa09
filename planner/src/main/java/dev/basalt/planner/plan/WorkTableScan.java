package dev.basalt.planner.plan;

import dev.basalt.spi.catalog.Column;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** Reads the previous iteration's rows of the enclosing {@link RecursiveUnion} with the same {@code workTable}. */
public record WorkTableScan(String workTable, List<Column> outputColumns) implements PhysicalPlan
{
    public WorkTableScan
    {
        requireNonNull(workTable, "workTable is null");
        outputColumns = List.copyOf(requireNonNull(outputColumns, "outputColumns is null"));
    }

    @Override
    public List<PhysicalPlan> children()
    {
        return List.of();
    }
}
