package dev.basalt.parser.tree;

import static java.util.Objects.requireNonNull;

/** {@code ADD [COLUMN] [IF NOT EXISTS] definition} (the definition may carry a DEFAULT). */
public record AddColumn(NodeLocation location, ColumnDefinition column, boolean ifNotExists) implements AlterTableAction
{
    public AddColumn
    {
        requireNonNull(location, "location is null");
        requireNonNull(column, "column is null");
    }
}
