package dev.basalt.planner.plan;

import dev.basalt.spi.catalog.Column;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** Skips {@code offset} rows, then passes at most {@code count} rows ({@code Long.MAX_VALUE} = no limit). */
public record Limit(PhysicalPlan source, long count, long offset) implements PhysicalPlan
{
    public Limit
    {
        requireNonNull(source, "source is null");
        if (count < 0 || offset < 0) {
            throw new IllegalArgumentException("count and offset must be >= 0");
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
}
