package dev.basalt.parser.tree;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code name([DISTINCT] args [ORDER BY ...]) [FILTER (WHERE ...)] [OVER window]}. {@code count(*)} has
 * {@code star} set and no arguments. {@code ignoreNulls} is {@code IGNORE NULLS} (window functions). Functions with
 * special syntax get their own nodes (Cast, Extract, Substring, Position, Trim); COALESCE, NULLIF, CURRENT_DATE and
 * friends are plain calls.
 */
public record FunctionCall(NodeLocation location, QualifiedName name, List<Expression> arguments, boolean distinct, boolean star, List<OrderItem> orderBy, Optional<Expression> filter, Optional<WindowSpecification> window, boolean ignoreNulls) implements Expression
{
    public FunctionCall
    {
        requireNonNull(location, "location is null");
        requireNonNull(name, "name is null");
        arguments = List.copyOf(requireNonNull(arguments, "arguments is null"));
        orderBy = List.copyOf(requireNonNull(orderBy, "orderBy is null"));
        requireNonNull(filter, "filter is null");
        requireNonNull(window, "window is null");
    }
}
