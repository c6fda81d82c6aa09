package dev.basalt.parser.tree;

import static java.util.Objects.requireNonNull;

/** {@code ON condition}. */
public record JoinOn(NodeLocation location, Expression condition) implements JoinCriteria
{
    public JoinOn
    {
        requireNonNull(location, "location is null");
        requireNonNull(condition, "condition is null");
    }
}
