package dev.basalt.parser.tree;

/** Kind of a {@link Join}. */
public enum JoinType
{
    INNER,
    LEFT,
    RIGHT,
    FULL,
    CROSS
}
