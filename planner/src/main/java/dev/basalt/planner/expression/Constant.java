package dev.basalt.planner.expression;

import dev.basalt.spi.type.DataType;

import static java.util.Objects.requireNonNull;

/**
 * A constant: the canonical Java object of its type (see {@link dev.basalt.spi.value.Values}), or null for a
 * typed NULL. DECIMAL constants are BigDecimals at exactly the type's scale.
 */
public record Constant(Object value, DataType type) implements RowExpression
{
    public Constant
    {
        requireNonNull(type, "type is null");
    }

    public boolean isNull()
    {
        return value == null;
    }
}
