package dev.basalt.parser.tree;

import static java.util.Objects.requireNonNull;

/** A parameter {@code ?} (numbered 1, 2, ... in order of appearance) or {@code $n}. */
public record Parameter(NodeLocation location, int position) implements Expression
{
    public Parameter
    {
        requireNonNull(location, "location is null");
    }
}
