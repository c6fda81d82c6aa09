package dev.basalt.planner.plan;

import dev.basalt.spi.type.DataType;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** One aggregate of a {@link HashAggregate}: function, input column indexes, DISTINCT flag and result type. */
public record AggregateCall(AggregateFunction function, List<Integer> arguments, boolean distinct, DataType type)
{
    public AggregateCall
    {
        requireNonNull(function, "function is null");
        arguments = List.copyOf(requireNonNull(arguments, "arguments is null"));
        requireNonNull(type, "type is null");
    }
}
