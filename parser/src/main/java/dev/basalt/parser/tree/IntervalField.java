package dev.basalt.parser.tree;

/** A unit of an {@link IntervalLiteral} or EXTRACT field of the same name. */
public enum IntervalField
{
    YEAR,
    QUARTER,
    MONTH,
    WEEK,
    DAY,
    HOUR,
    MINUTE,
    SECOND,
    MILLISECOND,
    MICROSECOND
}
