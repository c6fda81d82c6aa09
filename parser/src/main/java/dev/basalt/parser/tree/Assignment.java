package dev.basalt.parser.tree;

import static java.util.Objects.requireNonNull;

/** {@code column = value} in UPDATE ... SET. */
public record Assignment(NodeLocation location, Identifier column, Expression value) implements Node
{
    public Assignment
    {
        requireNonNull(location, "location is null");
        requireNonNull(column, "column is null");
        requireNonNull(value, "value is null");
    }
}
