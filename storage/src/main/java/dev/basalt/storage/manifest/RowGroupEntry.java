package dev.basalt.storage.manifest;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** One committed row-group file of a table: its id (file name), row count and one chunk per column. */
public record RowGroupEntry(long fileId, int rowCount, List<ChunkEntry> chunks)
{
    public RowGroupEntry
    {
        chunks = List.copyOf(requireNonNull(chunks, "chunks is null"));
    }

    public ChunkEntry chunk(int column)
    {
        return chunks.get(column);
    }
}
