package dev.basalt.planner.plan;

import dev.basalt.spi.type.DataType;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One aggregate of a {@link HashAggregate}: function, input column indexes, DISTINCT flag and result type.
 * {@code filter} is a BOOLEAN input column (FILTER (WHERE ...)): only rows where it is TRUE are aggregated.
 * {@code orderBy} orders the input of order-sensitive functions (STRING_AGG, FIRST, ...). {@code parameters} are
 * the constant arguments (a quantile's fraction as Double, STRING_AGG's separator as String).
 */
public record AggregateCall(AggregateFunction function, List<Integer> arguments, boolean distinct, DataType type,
        Optional<Integer> filter, List<SortKey> orderBy, List<Object> parameters)
{
    public AggregateCall
    {
        requireNonNull(function, "function is null");
        arguments = List.copyOf(requireNonNull(arguments, "arguments is null"));
        requireNonNull(type, "type is null");
        requireNonNull(filter, "filter is null");
        orderBy = List.copyOf(requireNonNull(orderBy, "orderBy is null"));
        parameters = List.copyOf(requireNonNull(parameters, "parameters is null"));
    }

    public AggregateCall(AggregateFunction function, List<Integer> arguments, boolean distinct, DataType type)
    {
        this(function, arguments, distinct, type, Optional.empty(), List.of(), List.of());
    }
}
