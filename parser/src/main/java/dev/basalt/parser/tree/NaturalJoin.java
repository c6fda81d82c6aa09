package dev.basalt.parser.tree;

import static java.util.Objects.requireNonNull;

/** {@code NATURAL} join: equality on all common column names. */
public record NaturalJoin(NodeLocation location) implements JoinCriteria
{
    public NaturalJoin
    {
        requireNonNull(location, "location is null");
    }
}
