package dev.basalt.parser.tree;

/** Kind of a {@link FrameBound}. */
public enum FrameBoundType
{
    UNBOUNDED_PRECEDING,
    PRECEDING,
    CURRENT_ROW,
    FOLLOWING,
    UNBOUNDED_FOLLOWING
}
