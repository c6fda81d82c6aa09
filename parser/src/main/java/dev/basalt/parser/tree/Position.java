package dev.basalt.parser.tree;

import static java.util.Objects.requireNonNull;

/** {@code position(needle IN haystack)}: 1-based index of needle, 0 if absent. */
public record Position(NodeLocation location, Expression needle, Expression haystack) implements Expression
{
    public Position
    {
        requireNonNull(location, "location is null");
        requireNonNull(needle, "needle is null");
        requireNonNull(haystack, "haystack is null");
    }
}
