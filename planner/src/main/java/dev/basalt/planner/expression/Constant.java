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

    // BLOB constants hold a byte[]: compare contents, so equal literals are equal expressions.
    @Override
    public boolean equals(Object other)
    {
        return other instanceof Constant that && type.equals(that.type) && java.util.Objects.deepEquals(value, that.value);
    }

    @Override
    public int hashCode()
    {
        // the record's own formula, so iteration orders of hashed plans do not change
        return 31 * (value instanceof byte[] bytes ? java.util.Arrays.hashCode(bytes) : java.util.Objects.hashCode(value)) + type.hashCode();
    }
}
