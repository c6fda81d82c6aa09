package dev.basalt.planner.logical;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * WITH RECURSIVE (semantics of {@link dev.basalt.planner.plan.RecursiveUnion}): {@code anchorSymbols} and
 * {@code stepSymbols} (of the output types) become {@code outputs} positionally; the step reads the previous
 * iteration through {@link WorkTableScan}s of {@code workTable}.
 */
public record RecursiveUnion(LogicalPlan anchor, LogicalPlan step, String workTable, boolean all, List<Symbol> anchorSymbols, List<Symbol> stepSymbols,
        List<Symbol> outputs)
        implements LogicalPlan
{
    public RecursiveUnion
    {
        requireNonNull(anchor, "anchor is null");
        requireNonNull(step, "step is null");
        requireNonNull(workTable, "workTable is null");
        anchorSymbols = List.copyOf(requireNonNull(anchorSymbols, "anchorSymbols is null"));
        stepSymbols = List.copyOf(requireNonNull(stepSymbols, "stepSymbols is null"));
        outputs = List.copyOf(requireNonNull(outputs, "outputs is null"));
    }

    @Override
    public List<LogicalPlan> sources()
    {
        return List.of(anchor, step);
    }

    @Override
    public LogicalPlan withSources(List<LogicalPlan> sources)
    {
        return sources.get(0) == anchor && sources.get(1) == step ? this
                : new RecursiveUnion(sources.get(0), sources.get(1), workTable, all, anchorSymbols, stepSymbols, outputs);
    }
}
