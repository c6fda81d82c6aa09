package dev.basalt.parser.tree;

import static java.util.Objects.requireNonNull;

/** {@code DROP TRIGGER [IF EXISTS] name}. */
public record DropTrigger(NodeLocation location, QualifiedName name, boolean ifExists) implements Statement
{
    public DropTrigger
    {
        requireNonNull(location, "location is null");
        requireNonNull(name, "name is null");
    }
}
