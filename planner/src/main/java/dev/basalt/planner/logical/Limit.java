package dev.basalt.planner.logical;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** Skips {@code offset} rows then passes at most {@code count} ({@code Long.MAX_VALUE} = no limit). */
public record Limit(LogicalPlan source, long count, long offset) implements LogicalPlan
{
    public Limit
    {
        requireNonNull(source, "source is null");
        if (count < 0 || offset < 0) {
            throw new IllegalArgumentException("count and offset must be >= 0");
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
        return newSource == source ? this : new Limit(newSource, count, offset);
    }
}
