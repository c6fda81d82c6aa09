package dev.basalt.planner.expression;

import dev.basalt.spi.type.BooleanType;
import dev.basalt.spi.type.DataType;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * {@code value IN (list...)} with SQL semantics: TRUE if equal to some element; otherwise NULL if the value or
 * any element is NULL; otherwise FALSE. All elements have the value's type. NOT IN is NOT over this.
 */
public record InListExpression(RowExpression value, List<RowExpression> list) implements RowExpression
{
    public InListExpression
    {
        requireNonNull(value, "value is null");
        list = List.copyOf(requireNonNull(list, "list is null"));
    }

    @Override
    public DataType type()
    {
        return BooleanType.BOOLEAN;
    }
}
