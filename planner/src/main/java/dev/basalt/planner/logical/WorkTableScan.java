package dev.basalt.planner.logical;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** Reads the previous iteration's rows of the enclosing {@link RecursiveUnion} of the same {@code workTable}. */
public record WorkTableScan(String workTable, List<Symbol> outputs) implements LogicalPlan
{
    public WorkTableScan
    {
        requireNonNull(workTable, "workTable is null");
        outputs = List.copyOf(requireNonNull(outputs, "outputs is null"));
    }

    @Override
    public List<LogicalPlan> sources()
    {
        return List.of();
    }

    @Override
    public LogicalPlan withSources(List<LogicalPlan> sources)
    {
        return this;
    }
}
