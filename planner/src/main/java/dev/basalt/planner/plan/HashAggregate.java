package dev.basalt.planner.plan;

import dev.basalt.spi.catalog.Column;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Groups by the source columns {@code groupingKeys} and computes {@code aggregates} per group. Output: the key
 * columns (in key order) followed by one column per aggregate. NULL keys form one group. With no keys it is a
 * global aggregate that returns exactly one row, even on empty input. No aggregates = DISTINCT.
 */
public record HashAggregate(PhysicalPlan source, List<Integer> groupingKeys, List<AggregateCall> aggregates, List<Column> outputColumns, long estimatedRows)
        implements PhysicalPlan
{
    public HashAggregate
    {
        requireNonNull(source, "source is null");
        groupingKeys = List.copyOf(requireNonNull(groupingKeys, "groupingKeys is null"));
        aggregates = List.copyOf(requireNonNull(aggregates, "aggregates is null"));
        outputColumns = List.copyOf(requireNonNull(outputColumns, "outputColumns is null"));
        if (groupingKeys.size() + aggregates.size() != outputColumns.size()) {
            throw new IllegalArgumentException("output must have one column per key and per aggregate");
        }
    }

    @Override
    public List<PhysicalPlan> children()
    {
        return List.of(source);
    }
}
