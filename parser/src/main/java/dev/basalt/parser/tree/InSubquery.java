package dev.basalt.parser.tree;

import static java.util.Objects.requireNonNull;

/** {@code value [NOT] IN (subquery)}. */
public record InSubquery(NodeLocation location, Expression value, Query subquery, boolean negated) implements Expression
{
    public InSubquery
    {
        requireNonNull(location, "location is null");
        requireNonNull(value, "value is null");
        requireNonNull(subquery, "subquery is null");
    }
}
