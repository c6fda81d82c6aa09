package dev.basalt.parser.tree;

/** Kind of a {@link TableConstraint}. */
public enum TableConstraintType
{
    PRIMARY_KEY,
    UNIQUE
}
