package dev.basalt.parser.tree;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** {@code ROLLUP (a, b)}. */
public record Rollup(NodeLocation location, List<Expression> expressions) implements GroupingElement
{
    public Rollup
    {
        requireNonNull(location, "location is null");
        expressions = List.copyOf(requireNonNull(expressions, "expressions is null"));
    }
}
