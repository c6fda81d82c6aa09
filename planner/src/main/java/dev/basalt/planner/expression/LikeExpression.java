package dev.basalt.planner.expression;

import dev.basalt.spi.type.BooleanType;
import dev.basalt.spi.type.DataType;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code value [I]LIKE pattern [ESCAPE escape]}: {@code %} matches any sequence, {@code _} one character.
 * NULL if any operand is NULL. Execution specializes constant patterns (prefix, suffix, contains, exact).
 */
public record LikeExpression(RowExpression value, RowExpression pattern, Optional<RowExpression> escape, boolean caseInsensitive)
        implements RowExpression
{
    public LikeExpression
    {
        requireNonNull(value, "value is null");
        requireNonNull(pattern, "pattern is null");
        requireNonNull(escape, "escape is null");
    }

    @Override
    public DataType type()
    {
        return BooleanType.BOOLEAN;
    }
}
