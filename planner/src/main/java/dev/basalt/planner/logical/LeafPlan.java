package dev.basalt.planner.logical;

import java.util.List;

/** A node that produces rows without sources (table scan, literal rows, generated series). */
public sealed interface LeafPlan
        extends LogicalPlan
        permits Scan, Values, SeriesScan
{
    @Override
    default List<LogicalPlan> sources()
    {
        return List.of();
    }

    @Override
    default LogicalPlan withSources(List<LogicalPlan> sources)
    {
        if (!sources.isEmpty()) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " has no sources");
        }
        return this;
    }
}
