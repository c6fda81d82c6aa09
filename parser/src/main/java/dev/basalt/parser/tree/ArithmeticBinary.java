package dev.basalt.parser.tree;

import static java.util.Objects.requireNonNull;

/** {@code left op right} for + - * / % and // (integer division). */
public record ArithmeticBinary(NodeLocation location, ArithmeticOperator operator, Expression left, Expression right) implements Expression
{
    public ArithmeticBinary
    {
        requireNonNull(location, "location is null");
        requireNonNull(operator, "operator is null");
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
    }
}
