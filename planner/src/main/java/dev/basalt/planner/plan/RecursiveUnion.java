package dev.basalt.planner.plan;

import dev.basalt.spi.catalog.Column;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * WITH RECURSIVE: evaluates {@code anchor}, then repeatedly evaluates {@code step}, in which every
 * {@link WorkTableScan} named {@code workTable} reads the rows produced by the previous iteration, until an
 * iteration produces no (new) rows. Without ALL, rows already produced are dropped (UNION semantics), which is what
 * makes recursion over cycles terminate. Output = anchor rows followed by each iteration's rows. More than
 * {@code maxIterations} iterations fail with a clear error instead of running forever.
 */
public record RecursiveUnion(PhysicalPlan anchor, PhysicalPlan step, String workTable, boolean all, long maxIterations,
        List<Column> outputColumns)
        implements PhysicalPlan
{
    public RecursiveUnion
    {
        requireNonNull(anchor, "anchor is null");
        requireNonNull(step, "step is null");
        requireNonNull(workTable, "workTable is null");
        outputColumns = List.copyOf(requireNonNull(outputColumns, "outputColumns is null"));
    }

    @Override
    public List<PhysicalPlan> children()
    {
        return List.of(anchor, step);
    }
}
