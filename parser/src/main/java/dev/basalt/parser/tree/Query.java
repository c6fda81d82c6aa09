package dev.basalt.parser.tree;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A query: optional WITH, a body, then ORDER BY, LIMIT and OFFSET (both empty when absent; {@code LIMIT ALL}
 * is an empty limit). Used as a statement and wherever a subquery appears.
 */
public record Query(NodeLocation location, Optional<With> with, QueryBody body, List<OrderItem> orderBy, Optional<Expression> limit, Optional<Expression> offset) implements Statement
{
    public Query
    {
        requireNonNull(location, "location is null");
        requireNonNull(with, "with is null");
        requireNonNull(body, "body is null");
        orderBy = List.copyOf(requireNonNull(orderBy, "orderBy is null"));
        requireNonNull(limit, "limit is null");
        requireNonNull(offset, "offset is null");
    }
}
