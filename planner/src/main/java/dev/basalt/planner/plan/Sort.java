package dev.basalt.planner.plan;

import dev.basalt.spi.catalog.Column;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** Sorts all input rows by {@code keys} (stable for equal keys is not promised). */
public record Sort(PhysicalPlan source, List<SortKey> keys) implements PhysicalPlan
{
    public Sort
    {
        requireNonNull(source, "source is null");
        keys = List.copyOf(requireNonNull(keys, "keys is null"));
    }

    @Override
    public List<Column> outputColumns()
    {
        return source.outputColumns();
    }

    @Override
    public List<PhysicalPlan> children()
    {
        return List.of(source);
    }

    @Override
    public long estimatedRows()
    {
        return source.estimatedRows();
    }
}
