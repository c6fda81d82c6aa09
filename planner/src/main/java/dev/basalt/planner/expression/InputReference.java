package dev.basalt.planner.expression;

import dev.basalt.spi.type.DataType;

import static java.util.Objects.requireNonNull;

/** The value of input column {@code index} (0-based position in the source's output columns). */
public record InputReference(int index, DataType type) implements RowExpression
{
    public InputReference
    {
        requireNonNull(type, "type is null");
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0: " + index);
        }
    }
}
