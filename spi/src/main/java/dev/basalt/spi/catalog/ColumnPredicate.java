package dev.basalt.spi.catalog;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A predicate on one table column (by ordinal) that storage can test against a zone map (or a bloom filter).
 * Values are the canonical Java objects of the column's type (see {@link dev.basalt.spi.value.Values}).
 */
public sealed interface ColumnPredicate
{
    int column();

    /**
     * low &lt;(=) column &lt;(=) high; a null bound is unbounded. {@code col = v} is a range with both bounds v,
     * inclusive.
     */
    record Range(int column, Object low, boolean lowInclusive, Object high, boolean highInclusive)
            implements ColumnPredicate {}

    /** column IN (values); values are non-null. */
    record In(int column, List<Object> values)
            implements ColumnPredicate
    {
        public In
        {
            values = List.copyOf(requireNonNull(values, "values is null"));
        }
    }

    /** column LIKE 'prefix%' on a VARCHAR column (code-point / UTF-8 byte order). */
    record StartsWith(int column, String prefix)
            implements ColumnPredicate
    {
        public StartsWith
        {
            requireNonNull(prefix, "prefix is null");
        }
    }

    /** column IS NULL. */
    record IsNull(int column) implements ColumnPredicate {}

    /** column IS NOT NULL. */
    record IsNotNull(int column) implements ColumnPredicate {}
}
