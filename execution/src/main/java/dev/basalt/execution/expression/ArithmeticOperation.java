package dev.basalt.execution.expression;

/** The binary arithmetic operators. */
public enum ArithmeticOperation
{
    ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULO
}
