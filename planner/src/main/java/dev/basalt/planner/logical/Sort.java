package dev.basalt.planner.logical;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** Sorts by {@code orderings} (source symbols). */
public record Sort(LogicalPlan source, List<Ordering> orderings) implements LogicalPlan
{
    public Sort
    {
        requireNonNull(source, "source is null");
        orderings = List.copyOf(requireNonNull(orderings, "orderings is null"));
    }

    @Override
    public List<Symbol> outputs()
    {
        return source.outputs();
    }

    @Override
    public List<LogicalPlan> sources()
    {
        return List.of(source);
    }

    @Override
    public LogicalPlan withSources(List<LogicalPlan> sources)
    {
        LogicalPlan newSource = sources.getFirst();
        return newSource == source ? this : new Sort(newSource, orderings);
    }
}
