package dev.basalt.parser.tree;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** {@code CUBE (a, b)}. */
public record Cube(NodeLocation location, List<Expression> expressions) implements GroupingElement
{
    public Cube
    {
        requireNonNull(location, "location is null");
        expressions = List.copyOf(requireNonNull(expressions, "expressions is null"));
    }
}
