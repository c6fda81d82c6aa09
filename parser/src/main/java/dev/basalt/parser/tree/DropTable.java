package dev.basalt.parser.tree;

import static java.util.Objects.requireNonNull;

/** {@code DROP TABLE [IF EXISTS] name}. */
public record DropTable(NodeLocation location, QualifiedName name, boolean ifExists) implements Statement
{
    public DropTable
    {
        requireNonNull(location, "location is null");
        requireNonNull(name, "name is null");
    }
}
