package dev.basalt.planner.logical;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Groups by {@code groupingKeys} (source symbols) and computes {@code aggregations} over source symbols.
 * Outputs the keys then the aggregation outputs. No keys = one global group (one row even on empty input);
 * no aggregations = DISTINCT.
 */
public record Aggregate(LogicalPlan source, List<Symbol> groupingKeys, List<Aggregation> aggregations) implements LogicalPlan
{
    public Aggregate
    {
        requireNonNull(source, "source is null");
        groupingKeys = List.copyOf(requireNonNull(groupingKeys, "groupingKeys is null"));
        aggregations = List.copyOf(requireNonNull(aggregations, "aggregations is null"));
    }

    @Override
    public List<Symbol> outputs()
    {
        List<Symbol> outputs = new ArrayList<>(groupingKeys);
        for (Aggregation aggregation : aggregations) {
            outputs.add(aggregation.output());
        }
        return outputs;
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
        return newSource == source ? this : new Aggregate(newSource, groupingKeys, aggregations);
    }
}
