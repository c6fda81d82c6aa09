package dev.basalt.parser.tree;

/** Quantifier of a {@link QuantifiedComparison}; SOME is ANY. */
public enum Quantifier
{
    ALL,
    ANY
}
