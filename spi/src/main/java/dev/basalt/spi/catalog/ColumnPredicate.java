package dev.basalt.spi.catalog;

/**
 * A predicate on one table column (by ordinal) that storage can test against a zone map. Values are the
 * canonical Java objects of the column's type (see {@link dev.basalt.spi.value.Values}).
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

    /** column IS NULL. */
    record IsNull(int column) implements ColumnPredicate {}

    /** column IS NOT NULL. */
    record IsNotNull(int column) implements ColumnPredicate {}
}
