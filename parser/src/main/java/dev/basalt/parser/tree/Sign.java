package dev.basalt.parser.tree;

/** Sign of an {@link ArithmeticUnary}. */
public enum Sign
{
    PLUS,
    MINUS
}
