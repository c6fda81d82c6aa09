package dev.basalt.parser.tree;

import static java.util.Objects.requireNonNull;

/** {@code DROP VIEW [IF EXISTS] name}. */
public record DropView(NodeLocation location, QualifiedName name, boolean ifExists) implements Statement
{
    public DropView
    {
        requireNonNull(location, "location is null");
        requireNonNull(name, "name is null");
    }
}
