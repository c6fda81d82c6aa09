package dev.basalt.planner.logical;

import dev.basalt.planner.expression.RowExpression;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** Keeps the rows for which the BOOLEAN {@code predicate} is TRUE. */
public record Filter(LogicalPlan source, RowExpression predicate) implements LogicalPlan
{
    public Filter
    {
        requireNonNull(source, "source is null");
        requireNonNull(predicate, "predicate is null");
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
        return newSource == source ? this : new Filter(newSource, predicate);
    }
}
