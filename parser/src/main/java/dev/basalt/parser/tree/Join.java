package dev.basalt.parser.tree;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** {@code left [type] JOIN right criteria}; criteria is empty for CROSS JOIN. */
public record Join(NodeLocation location, JoinType type, Relation left, Relation right, Optional<JoinCriteria> criteria) implements Relation
{
    public Join
    {
        requireNonNull(location, "location is null");
        requireNonNull(type, "type is null");
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
        requireNonNull(criteria, "criteria is null");
    }
}
