package dev.basalt.parser.tree;

import static java.util.Objects.requireNonNull;

/** {@code RENAME [COLUMN] old TO new}. */
public record RenameColumn(NodeLocation location, Identifier from, Identifier to) implements AlterTableAction
{
    public RenameColumn
    {
        requireNonNull(location, "location is null");
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
    }
}
