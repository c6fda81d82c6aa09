package dev.basalt.parser.tree;

import static java.util.Objects.requireNonNull;

/** {@code left AND right} / {@code left OR right}. */
public record Logical(NodeLocation location, LogicalOperator operator, Expression left, Expression right) implements Expression
{
    public Logical
    {
        requireNonNull(location, "location is null");
        requireNonNull(operator, "operator is null");
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
    }
}
