package dev.basalt.parser.tree;

import static java.util.Objects.requireNonNull;

/** {@code DROP INDEX [IF EXISTS] name}. */
public record DropIndex(NodeLocation location, QualifiedName name, boolean ifExists) implements Statement
{
    public DropIndex
    {
        requireNonNull(location, "location is null");
        requireNonNull(name, "name is null");
    }
}
