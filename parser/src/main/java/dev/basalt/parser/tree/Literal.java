package dev.basalt.parser.tree;

/** A constant written in the SQL text. */
public sealed interface Literal extends Expression
        permits LongLiteral,
                DecimalLiteral,
                DoubleLiteral,
                StringLiteral,
                BinaryLiteral,
                BooleanLiteral,
                NullLiteral,
                DateLiteral,
                TimestampLiteral,
                IntervalLiteral
{
}
