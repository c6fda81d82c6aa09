package dev.basalt.parser.tree;

/** Which side a {@link Trim} strips. */
public enum TrimSpecification
{
    BOTH,
    LEADING,
    TRAILING
}
