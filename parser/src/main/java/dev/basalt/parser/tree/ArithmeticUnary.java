package dev.basalt.parser.tree;

import static java.util.Objects.requireNonNull;

/** Unary {@code -value} or {@code +value}. */
public record ArithmeticUnary(NodeLocation location, Sign sign, Expression value) implements Expression
{
    public ArithmeticUnary
    {
        requireNonNull(location, "location is null");
        requireNonNull(sign, "sign is null");
        requireNonNull(value, "value is null");
    }
}
