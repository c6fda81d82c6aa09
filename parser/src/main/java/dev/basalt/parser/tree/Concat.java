package dev.basalt.parser.tree;

import static java.util.Objects.requireNonNull;

/** {@code left || right}. */
public record Concat(NodeLocation location, Expression left, Expression right) implements Expression
{
    public Concat
    {
        requireNonNull(location, "location is null");
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
    }
}
