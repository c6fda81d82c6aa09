package dev.basalt.parser.tree;

import static java.util.Objects.requireNonNull;

/** A plain GROUP BY expression. */
public record GroupingExpression(NodeLocation location, Expression expression) implements GroupingElement
{
    public GroupingExpression
    {
        requireNonNull(location, "location is null");
        requireNonNull(expression, "expression is null");
    }
}
