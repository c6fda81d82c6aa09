package dev.basalt.parser.tree;

import static java.util.Objects.requireNonNull;

/** {@code RENAME TO new_name}. */
public record RenameTable(NodeLocation location, QualifiedName newName) implements AlterTableAction
{
    public RenameTable
    {
        requireNonNull(location, "location is null");
        requireNonNull(newName, "newName is null");
    }
}
