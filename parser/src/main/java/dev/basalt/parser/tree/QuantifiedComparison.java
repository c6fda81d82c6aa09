package dev.basalt.parser.tree;

import static java.util.Objects.requireNonNull;

/** {@code value op ANY|SOME|ALL (subquery)}. */
public record QuantifiedComparison(NodeLocation location, ComparisonOperator operator, Quantifier quantifier, Expression value, Query subquery) implements Expression
{
    public QuantifiedComparison
    {
        requireNonNull(location, "location is null");
        requireNonNull(operator, "operator is null");
        requireNonNull(quantifier, "quantifier is null");
        requireNonNull(value, "value is null");
        requireNonNull(subquery, "subquery is null");
    }
}
