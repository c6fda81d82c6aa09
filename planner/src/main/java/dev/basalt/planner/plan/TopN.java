package dev.basalt.planner.plan;

import dev.basalt.spi.catalog.Column;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** The first {@code count} rows in {@code keys} order, without sorting everything (ORDER BY ... LIMIT n). */
public record TopN(PhysicalPlan source, List<SortKey> keys, long count) implements PhysicalPlan
{
    public TopN
    {
        requireNonNull(source, "source is null");
        keys = List.copyOf(requireNonNull(keys, "keys is null"));
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0: " + count);
        }
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
        return source.estimatedRows() < 0 ? count : Math.min(count, source.estimatedRows());
    }
}
