package dev.basalt.spi.catalog;

import static java.util.Objects.requireNonNull;

/**
 * A schema change of ALTER TABLE. Storage applies it to metadata only: row groups written before the change are
 * read with the new schema (an added column reads as its default, a dropped one is no longer read).
 */
public sealed interface TableChange
{
    /** Adds a column at the end; existing rows read {@code defaultValue} (canonical Java value, null = NULL). */
    record AddColumn(Column column, Object defaultValue) implements TableChange
    {
        public AddColumn
        {
            requireNonNull(column, "column is null");
        }
    }

    record DropColumn(String name) implements TableChange
    {
        public DropColumn
        {
            requireNonNull(name, "name is null");
        }
    }

    record RenameColumn(String from, String to) implements TableChange
    {
        public RenameColumn
        {
            requireNonNull(from, "from is null");
            requireNonNull(to, "to is null");
        }
    }

    record RenameTable(String newName) implements TableChange
    {
        public RenameTable
        {
            requireNonNull(newName, "newName is null");
        }
    }
}
