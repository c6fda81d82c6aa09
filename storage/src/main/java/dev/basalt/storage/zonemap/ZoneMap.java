package dev.basalt.storage.zonemap;

import dev.basalt.spi.type.DataType;

/**
 * What a chunk (or a whole table, when merged) is known to contain: its row and null counts and a lower and
 * upper bound of its non-null values, as canonical Java values of the column type (see
 * {@link dev.basalt.spi.value.Values}). A bound is null when unknown (INTERVAL, all-null chunks, strings too
 * long to keep). Bounds need not be attained: long strings are stored as a shortened lower bound and a
 * rounded-up upper bound. {@code distinct} is a sketch of the distinct non-null values, null when unknown
 * (manifests written before sketches, NULL columns).
 */
public record ZoneMap(long rowCount, long nullCount, Object min, Object max, DistinctSketch distinct)
{
    public ZoneMap
    {
        if (rowCount < 0 || nullCount < 0 || nullCount > rowCount) {
            throw new IllegalArgumentException("invalid zone map counts: rows " + rowCount + ", nulls " + nullCount);
        }
    }

    /** A zone map without a distinct-count sketch. */
    public ZoneMap(long rowCount, long nullCount, Object min, Object max)
    {
        this(rowCount, nullCount, min, max, null);
    }

    /** Estimated distinct non-null values (at most the non-null rows), or -1 when unknown. */
    public long distinctCount()
    {
        if (allNull()) {
            return 0;
        }
        return distinct == null ? -1 : Math.min(distinct.estimate(), rowCount - nullCount);
    }

    public static ZoneMap empty()
    {
        return new ZoneMap(0, 0, null, null);
    }

    public boolean allNull()
    {
        return nullCount == rowCount;
    }

    /** The zone map of the union of two chunks of the same column. */
    public ZoneMap merge(DataType type, ZoneMap other)
    {
        if (other.rowCount == 0) {
            return this;
        }
        if (rowCount == 0) {
            return other;
        }
        Object newMin;
        Object newMax;
        if (allNull()) {
            newMin = other.min;
            newMax = other.max;
        }
        else if (other.allNull()) {
            newMin = min;
            newMax = max;
        }
        else {
            // An unknown bound on either side makes the merged bound unknown.
            newMin = lower(type, min, other.min);
            newMax = upper(type, max, other.max);
        }
        DistinctSketch sketch = distinct == null || other.distinct == null ? null : distinct.merge(other.distinct);
        return new ZoneMap(rowCount + other.rowCount, nullCount + other.nullCount, newMin, newMax, sketch);
    }

    private static Object lower(DataType type, Object left, Object right)
    {
        int comparison = ValueOrder.compare(type, left, right);
        if (comparison == ValueOrder.INCOMPARABLE) {
            return null;
        }
        return comparison <= 0 ? left : right;
    }

    private static Object upper(DataType type, Object left, Object right)
    {
        int comparison = ValueOrder.compare(type, left, right);
        if (comparison == ValueOrder.INCOMPARABLE) {
            return null;
        }
        return comparison >= 0 ? left : right;
    }
}
