package dev.basalt.parser.tree;

import static java.util.Objects.requireNonNull;

/** {@code NOT value} (also NOT EXISTS). */
public record Not(NodeLocation location, Expression value) implements Expression
{
    public Not
    {
        requireNonNull(location, "location is null");
        requireNonNull(value, "value is null");
    }
}
