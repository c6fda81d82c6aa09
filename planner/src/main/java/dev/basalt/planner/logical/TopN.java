package dev.basalt.planner.logical;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** The first {@code count} rows in {@code orderings} order. */
public record TopN(LogicalPlan source, List<Ordering> orderings, long count) implements LogicalPlan
{
    public TopN
    {
        requireNonNull(source, "source is null");
        orderings = List.copyOf(requireNonNull(orderings, "orderings is null"));
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0: " + count);
        }
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
        return newSource == source ? this : new TopN(newSource, orderings, count);
    }
}
