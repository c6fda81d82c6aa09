package dev.basalt.planner.expression;

import dev.basalt.spi.type.DataType;

import static java.util.Objects.requireNonNull;

/**
 * Converts {@code input} to {@code type}. A value that cannot be converted raises an error (22P02 for bad
 * text, 22003 for out of range) unless {@code tryCast}, which yields NULL instead.
 */
public record Cast(RowExpression input, DataType type, boolean tryCast) implements RowExpression
{
    public Cast
    {
        requireNonNull(input, "input is null");
        requireNonNull(type, "type is null");
    }

    public Cast(RowExpression input, DataType type)
    {
        this(input, type, false);
    }
}
