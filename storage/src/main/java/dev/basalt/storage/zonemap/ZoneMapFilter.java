package dev.basalt.storage.zonemap;

import dev.basalt.spi.catalog.ColumnPredicate;
import dev.basalt.spi.type.DataType;

/**
 * Decides from a zone map whether any row of a chunk can satisfy a predicate. Answers "maybe" whenever it
 * cannot prove "no": predicates are hints, and skipping a row group that holds a match is a wrong answer.
 */
public final class ZoneMapFilter
{
    private ZoneMapFilter() {}

    public static boolean mightMatch(ZoneMap zone, DataType type, ColumnPredicate predicate)
    {
        return switch (predicate) {
            case ColumnPredicate.IsNull p -> zone.nullCount() > 0;
            case ColumnPredicate.IsNotNull p -> zone.nullCount() < zone.rowCount();
            case ColumnPredicate.Range range -> mightMatchRange(zone, type, range);
            case ColumnPredicate.In in -> mightMatchIn(zone, type, in);
            case ColumnPredicate.StartsWith startsWith -> mightMatchPrefix(zone, startsWith.prefix());
        };
    }

    private static boolean mightMatchIn(ZoneMap zone, DataType type, ColumnPredicate.In in)
    {
        for (Object value : in.values()) {
            if (value == null || mightMatchRange(zone, type, new ColumnPredicate.Range(in.column(), value, true, value, true))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every string starting with p is at least p, and below any string greater than p that does not start
     * with p (they differ inside p). So the chunk is empty when max &lt; p, or when min &gt; p without starting
     * with p. Bounds that are not strings prove nothing.
     */
    private static boolean mightMatchPrefix(ZoneMap zone, String prefix)
    {
        if (zone.allNull()) {
            return false;
        }
        if (zone.max() instanceof String max && ValueOrder.compareCodePoints(max, prefix) < 0) {
            return false;
        }
        if (zone.min() instanceof String min && ValueOrder.compareCodePoints(min, prefix) > 0 && !min.startsWith(prefix)) {
            return false;
        }
        return true;
    }

    private static boolean mightMatchRange(ZoneMap zone, DataType type, ColumnPredicate.Range range)
    {
        if (zone.allNull()) {
            // NULL satisfies no comparison.
            return false;
        }
        if (range.low() != null && zone.max() != null) {
            int comparison = ValueOrder.compareToBound(type, zone.max(), range.low());
            if (comparison != ValueOrder.INCOMPARABLE && (comparison < 0 || (comparison == 0 && !range.lowInclusive()))) {
                return false;
            }
        }
        if (range.high() != null && zone.min() != null) {
            int comparison = ValueOrder.compareToBound(type, zone.min(), range.high());
            if (comparison != ValueOrder.INCOMPARABLE && (comparison > 0 || (comparison == 0 && !range.highInclusive()))) {
                return false;
            }
        }
        return true;
    }
}
