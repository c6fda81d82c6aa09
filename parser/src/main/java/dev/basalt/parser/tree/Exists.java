package dev.basalt.parser.tree;

import static java.util.Objects.requireNonNull;

/** {@code EXISTS (subquery)}; NOT EXISTS is {@code Not(Exists)}. */
public record Exists(NodeLocation location, Query subquery) implements Expression
{
    public Exists
    {
        requireNonNull(location, "location is null");
        requireNonNull(subquery, "subquery is null");
    }
}
