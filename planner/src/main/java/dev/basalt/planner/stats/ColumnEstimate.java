package dev.basalt.planner.stats;

import dev.basalt.planner.logical.Scan;

/**
 * What the planner believes about one symbol's values: number of distinct values (NaN = unknown), min and max
 * (canonical values or null), the fraction of NULLs (NaN = unknown) and the scan the column comes from unchanged
 * (null = unknown or computed), whose table bounds the distinct combinations of several of its columns.
 */
public record ColumnEstimate(double distinct, Object min, Object max, double nullFraction, Scan origin)
{
    public static final ColumnEstimate UNKNOWN = new ColumnEstimate(Double.NaN, null, null, Double.NaN, null);

    /** The same values seen in {@code rows} rows: never more distinct values than rows. */
    public ColumnEstimate capDistinct(double rows)
    {
        if (Double.isNaN(distinct) || distinct <= rows) {
            return this;
        }
        return new ColumnEstimate(Math.max(1, rows), min, max, nullFraction, origin);
    }
}
