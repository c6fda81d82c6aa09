package dev.basalt.parser.tree;

import static java.util.Objects.requireNonNull;

/** A (possibly qualified) column name such as {@code a} or {@code t.a}. */
public record ColumnReference(NodeLocation location, QualifiedName name) implements Expression
{
    public ColumnReference
    {
        requireNonNull(location, "location is null");
        requireNonNull(name, "name is null");
    }
}
