package dev.basalt.planner.plan;

import dev.basalt.spi.type.DataType;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One function of a {@link Window} node. {@code aggregate} is present exactly when function is AGGREGATE;
 * {@code distinct} only applies to aggregates; {@code ignoreNulls} to LAG/LEAD/FIRST_VALUE/LAST_VALUE/NTH_VALUE.
 */
public record WindowFunctionCall(WindowFunction function, Optional<AggregateFunction> aggregate, List<Integer> arguments,
        boolean distinct, boolean ignoreNulls, WindowFrame frame, DataType type)
{
    public WindowFunctionCall
    {
        requireNonNull(function, "function is null");
        requireNonNull(aggregate, "aggregate is null");
        arguments = List.copyOf(requireNonNull(arguments, "arguments is null"));
        requireNonNull(frame, "frame is null");
        requireNonNull(type, "type is null");
        if ((function == WindowFunction.AGGREGATE) != aggregate.isPresent()) {
            throw new IllegalArgumentException("aggregate must be present exactly for AGGREGATE window functions");
        }
    }
}
