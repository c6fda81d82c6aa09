package dev.basalt.parser.tree;

/** Operator of a {@link Logical}. */
public enum LogicalOperator
{
    AND,
    OR
}
