package dev.basalt.planner.rule;

import dev.basalt.planner.evaluate.ValueComparator;
import dev.basalt.spi.catalog.ColumnPredicate;

import java.util.ArrayList;
import java.util.List;

/**
 * What a conjunction of {@link ColumnPredicate}s says about one column: the intersection of its ranges, of its IN
 * lists, its prefixes and null tests. Answers whether the conjunction implies another predicate (partial index
 * predicates) and renders it back as a few predicates (zone-map hints).
 */
final class ColumnConstraint
{
    private final int column;
    private Object low;
    private boolean lowInclusive;
    private Object high;
    private boolean highInclusive;
    // null = no IN list seen; else the values allowed by every IN list (sorted, distinct)
    private List<Object> in;
    private final List<String> prefixes = new ArrayList<>();
    private boolean isNull;
    private boolean isNotNull;

    ColumnConstraint(int column)
    {
        this.column = column;
    }

    void add(ColumnPredicate predicate)
    {
        switch (predicate) {
            case ColumnPredicate.Range range -> {
                if (range.low() != null) {
                    low(range.low(), range.lowInclusive());
                }
                if (range.high() != null) {
                    high(range.high(), range.highInclusive());
                }
            }
            case ColumnPredicate.In list -> {
                if (in == null) {
                    in = new ArrayList<>(list.values());
                }
                else {
                    List<Object> kept = new ArrayList<>();
                    for (Object value : in) {
                        if (contains(list.values(), value)) {
                            kept.add(value);
                        }
                    }
                    in = kept;
                }
            }
            case ColumnPredicate.StartsWith startsWith -> {
                if (!prefixes.contains(startsWith.prefix())) {
                    prefixes.add(startsWith.prefix());
                }
            }
            case ColumnPredicate.IsNull n -> isNull = true;
            case ColumnPredicate.IsNotNull n -> isNotNull = true;
        }
    }

    private void low(Object value, boolean inclusive)
    {
        int order = low == null ? 1 : ValueComparator.compare(value, low);
        if (order > 0) {
            low = value;
            lowInclusive = inclusive;
        }
        else if (order == 0) {
            lowInclusive &= inclusive;
        }
    }

    private void high(Object value, boolean inclusive)
    {
        int order = high == null ? -1 : ValueComparator.compare(value, high);
        if (order < 0) {
            high = value;
            highInclusive = inclusive;
        }
        else if (order == 0) {
            highInclusive &= inclusive;
        }
    }

    /** True when every non-null value this constraint allows satisfies {@code predicate} (and it rejects NULL if that does). */
    boolean implies(ColumnPredicate predicate)
    {
        boolean rejectsNull = isNotNull || low != null || high != null || in != null || !prefixes.isEmpty();
        return switch (predicate) {
            case ColumnPredicate.IsNotNull n -> rejectsNull;
            case ColumnPredicate.IsNull n -> isNull;
            case ColumnPredicate.Range range -> {
                if (range.low() == null && range.high() == null) {
                    yield rejectsNull;
                }
                if (in != null) {
                    boolean all = true;
                    for (Object value : in) {
                        all &= inRange(value, range);
                    }
                    yield all;
                }
                if (!prefixes.isEmpty() && low == null && high == null) {
                    yield false;
                }
                yield lowWithin(range) && highWithin(range);
            }
            case ColumnPredicate.In list -> {
                if (in != null) {
                    boolean all = true;
                    for (Object value : in) {
                        all &= contains(list.values(), value);
                    }
                    yield all;
                }
                // a single-value range (x = 5) is a one-element list
                yield low != null && high != null && lowInclusive && highInclusive && ValueComparator.compare(low, high) == 0
                        && contains(list.values(), low);
            }
            case ColumnPredicate.StartsWith startsWith -> {
                for (String prefix : prefixes) {
                    if (prefix.startsWith(startsWith.prefix())) {
                        yield true;
                    }
                }
                if (in != null) {
                    boolean all = true;
                    for (Object value : in) {
                        all &= value instanceof String text && text.startsWith(startsWith.prefix());
                    }
                    yield all;
                }
                yield low instanceof String text && high != null && lowInclusive && highInclusive && text.equals(high)
                        && text.startsWith(startsWith.prefix());
            }
        };
    }

    /** This constraint's lower bound is at or above the range's. */
    private boolean lowWithin(ColumnPredicate.Range range)
    {
        if (range.low() == null) {
            return true;
        }
        if (low == null) {
            return false;
        }
        int order = ValueComparator.compare(low, range.low());
        return order > 0 || (order == 0 && (range.lowInclusive() || !lowInclusive));
    }

    private boolean highWithin(ColumnPredicate.Range range)
    {
        if (range.high() == null) {
            return true;
        }
        if (high == null) {
            return false;
        }
        int order = ValueComparator.compare(high, range.high());
        return order < 0 || (order == 0 && (range.highInclusive() || !highInclusive));
    }

    private static boolean inRange(Object value, ColumnPredicate.Range range)
    {
        if (range.low() != null) {
            int order = ValueComparator.compare(value, range.low());
            if (order < 0 || (order == 0 && !range.lowInclusive())) {
                return false;
            }
        }
        if (range.high() != null) {
            int order = ValueComparator.compare(value, range.high());
            return order < 0 || (order == 0 && range.highInclusive());
        }
        return true;
    }

    private static boolean contains(List<Object> values, Object value)
    {
        for (Object candidate : values) {
            if (ValueComparator.compare(candidate, value) == 0) {
                return true;
            }
        }
        return false;
    }

    /** Zone-map hints: an IN list (narrowed to the range) beats a range; prefixes; null tests. */
    void addTo(List<ColumnPredicate> predicates)
    {
        if (in != null) {
            List<Object> kept = new ArrayList<>();
            ColumnPredicate.Range range = new ColumnPredicate.Range(column, low, lowInclusive, high, highInclusive);
            for (Object value : in) {
                if (inRange(value, range)) {
                    kept.add(value);
                }
            }
            predicates.add(new ColumnPredicate.In(column, kept));
        }
        else if (low != null || high != null) {
            predicates.add(new ColumnPredicate.Range(column, low, lowInclusive, high, highInclusive));
        }
        for (String prefix : prefixes) {
            predicates.add(new ColumnPredicate.StartsWith(column, prefix));
        }
        if (isNotNull && in == null && low == null && high == null && prefixes.isEmpty()) {
            predicates.add(new ColumnPredicate.IsNotNull(column));
        }
        if (isNull) {
            predicates.add(new ColumnPredicate.IsNull(column));
        }
    }
}
