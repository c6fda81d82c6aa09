package dev.basalt.parser.tree;

import static java.util.Objects.requireNonNull;

/** {@code ALTER TABLE [IF EXISTS] table action}. */
public record AlterTable(NodeLocation location, QualifiedName table, AlterTableAction action, boolean ifExists) implements Statement
{
    public AlterTable
    {
        requireNonNull(location, "location is null");
        requireNonNull(table, "table is null");
        requireNonNull(action, "action is null");
    }
}
