package dev.basalt.storage.manifest;

import dev.basalt.spi.catalog.Column;

import static java.util.Objects.requireNonNull;

/**
 * A column of a table in the manifest: a stable id (row groups name their chunks by it, so renames and drops
 * never touch data), the column, and the value row groups written before the column existed read as.
 */
public record ColumnEntry(long id, Column column, Object defaultValue)
{
    public ColumnEntry
    {
        requireNonNull(column, "column is null");
        if (id < 1) {
            throw new IllegalArgumentException("column id must be positive: " + id);
        }
    }

    public String name()
    {
        return column.name();
    }
}
