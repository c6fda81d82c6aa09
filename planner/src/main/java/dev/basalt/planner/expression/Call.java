package dev.basalt.planner.expression;

import dev.basalt.spi.type.DataType;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** A call of a built-in scalar function or operator; argument typing rules are documented on {@link Function}. */
public record Call(Function function, List<RowExpression> arguments, DataType type) implements RowExpression
{
    public Call
    {
        requireNonNull(function, "function is null");
        arguments = List.copyOf(requireNonNull(arguments, "arguments is null"));
        requireNonNull(type, "type is null");
    }

    public RowExpression argument(int index)
    {
        return arguments.get(index);
    }
}
