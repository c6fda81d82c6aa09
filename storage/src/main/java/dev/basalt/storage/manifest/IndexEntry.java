package dev.basalt.storage.manifest;

import dev.basalt.spi.catalog.IndexDefinition;

import static java.util.Objects.requireNonNull;

/**
 * An index in the manifest. {@code id} names its files ({@code idx-<id>-<row group file id>.bsi}, one per row
 * group of the table); a rebuild gets a new id so that the old files stay readable by older snapshots.
 */
public record IndexEntry(long id, long tableId, IndexDefinition definition)
{
    public IndexEntry
    {
        requireNonNull(definition, "definition is null");
    }

    public String name()
    {
        return definition.name();
    }
}
