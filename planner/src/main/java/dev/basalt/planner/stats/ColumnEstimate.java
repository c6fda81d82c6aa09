package dev.basalt.planner.stats;

/**
 * What the planner believes about one symbol's values: number of distinct values (NaN = unknown), min and max
 * (canonical values or null) and the fraction of NULLs (NaN = unknown).
 */
public record ColumnEstimate(double distinct, Object min, Object max, double nullFraction)
{
    public static final ColumnEstimate UNKNOWN = new ColumnEstimate(Double.NaN, null, null, Double.NaN);

    /** The same values seen in {@code rows} rows: never more distinct values than rows. */
    public ColumnEstimate capDistinct(double rows)
    {
        if (Double.isNaN(distinct) || distinct <= rows) {
            return this;
        }
        return new ColumnEstimate(Math.max(1, rows), min, max, nullFraction);
    }
}
