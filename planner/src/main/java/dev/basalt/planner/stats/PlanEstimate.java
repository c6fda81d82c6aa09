package dev.basalt.planner.stats;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/** Estimated output of a plan node: row count and per-symbol estimates (by symbol id; absent = unknown). */
public record PlanEstimate(double rows, Map<Integer, ColumnEstimate> columns)
{
    public PlanEstimate
    {
        requireNonNull(columns, "columns is null");
        columns = Map.copyOf(columns);
    }

    public ColumnEstimate column(int symbolId)
    {
        return columns.getOrDefault(symbolId, ColumnEstimate.UNKNOWN);
    }

    /** Rounded for display and the physical plan's estimatedRows. */
    public long rowCount()
    {
        if (Double.isNaN(rows) || rows < 0) {
            return -1;
        }
        return rows >= Long.MAX_VALUE ? Long.MAX_VALUE : Math.round(Math.ceil(rows));
    }
}
