package dev.basalt.parser.tree;

import static java.util.Objects.requireNonNull;

/** {@code left op right}, including IS [NOT] DISTINCT FROM. */
public record Comparison(NodeLocation location, ComparisonOperator operator, Expression left, Expression right) implements Expression
{
    public Comparison
    {
        requireNonNull(location, "location is null");
        requireNonNull(operator, "operator is null");
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
    }
}
