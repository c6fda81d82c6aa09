package dev.basalt.parser.tree;

/** Operator of an {@link ArithmeticBinary}. */
public enum ArithmeticOperator
{
    ADD("+"),
    SUBTRACT("-"),
    MULTIPLY("*"),
    DIVIDE("/"),
    MODULUS("%"),
    INTEGER_DIVIDE("//");

    private final String symbol;

    ArithmeticOperator(String symbol)
    {
        this.symbol = symbol;
    }

    public String symbol()
    {
        return symbol;
    }
}
