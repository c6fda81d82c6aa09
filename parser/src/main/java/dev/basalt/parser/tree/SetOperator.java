package dev.basalt.parser.tree;

/** Operator of a {@link SetOperation}. */
public enum SetOperator
{
    UNION,
    INTERSECT,
    EXCEPT
}
