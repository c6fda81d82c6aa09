package dev.basalt.parser.tree;

import static java.util.Objects.requireNonNull;

/** One ORDER BY item: expression (possibly an ordinal or select alias), direction, NULLS ordering. */
public record OrderItem(NodeLocation location, Expression expression, SortOrder ordering, NullOrdering nullOrdering) implements Node
{
    public OrderItem
    {
        requireNonNull(location, "location is null");
        requireNonNull(expression, "expression is null");
        requireNonNull(ordering, "ordering is null");
        requireNonNull(nullOrdering, "nullOrdering is null");
    }
}
