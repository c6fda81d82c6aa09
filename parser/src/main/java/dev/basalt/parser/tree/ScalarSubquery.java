package dev.basalt.parser.tree;

import static java.util.Objects.requireNonNull;

/** A parenthesized subquery used as a value. */
public record ScalarSubquery(NodeLocation location, Query query) implements Expression
{
    public ScalarSubquery
    {
        requireNonNull(location, "location is null");
        requireNonNull(query, "query is null");
    }
}
