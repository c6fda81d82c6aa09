package dev.basalt.parser.tree;

import static java.util.Objects.requireNonNull;

/** {@code DROP [COLUMN] [IF EXISTS] name}. */
public record DropColumn(NodeLocation location, Identifier column, boolean ifExists) implements AlterTableAction
{
    public DropColumn
    {
        requireNonNull(location, "location is null");
        requireNonNull(column, "column is null");
    }
}
