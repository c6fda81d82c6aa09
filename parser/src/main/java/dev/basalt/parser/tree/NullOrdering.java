package dev.basalt.parser.tree;

/** {@code NULLS FIRST}, {@code NULLS LAST}, or not written (the engine's default applies). */
public enum NullOrdering
{
    FIRST,
    LAST,
    UNSPECIFIED
}
