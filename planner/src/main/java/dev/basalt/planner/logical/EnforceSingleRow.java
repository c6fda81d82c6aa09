package dev.basalt.planner.logical;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The input of an uncorrelated scalar subquery: exactly one row (no input rows give one row of NULLs, two or more
 * fail at run time with 21000).
 */
public record EnforceSingleRow(LogicalPlan source) implements LogicalPlan
{
    public EnforceSingleRow
    {
        requireNonNull(source, "source is null");
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
        return newSource == source ? this : new EnforceSingleRow(newSource);
    }
}
