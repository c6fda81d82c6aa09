package dev.basalt.storage.manifest;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One committed row-group file of a table: its id (file name), physical row count, one chunk per stored
 * column (named by column id; a column added later has no chunk and reads as its default), and the deletion
 * vector ({@code del-<deletionFileId>.bsd}, 0 = none) with the number of positions it deletes.
 */
public record RowGroupEntry(long fileId, int rowCount, List<Long> columnIds, List<ChunkEntry> chunks, long deletionFileId, int deletedCount)
{
    public RowGroupEntry
    {
        columnIds = List.copyOf(requireNonNull(columnIds, "columnIds is null"));
        chunks = List.copyOf(requireNonNull(chunks, "chunks is null"));
        if (columnIds.size() != chunks.size()) {
            throw new IllegalArgumentException("row group " + fileId + " has " + columnIds.size() + " column ids and " + chunks.size() + " chunks");
        }
        if (deletedCount < 0 || deletedCount > rowCount || (deletedCount > 0) != (deletionFileId != 0)) {
            throw new IllegalArgumentException("row group " + fileId + " has an invalid deletion vector: " + deletionFileId + " deleting " + deletedCount + " of " + rowCount);
        }
        if (fileId < 1 || fileId > Integer.MAX_VALUE) {
            // Row ids are fileId << 32 | position: the file id must fit 31 bits.
            throw new IllegalArgumentException("row group file id out of range: " + fileId);
        }
    }

    /** A row group without deletions whose chunks belong to columns 1..n in order (tests, format version 1). */
    public RowGroupEntry(long fileId, int rowCount, List<ChunkEntry> chunks)
    {
        this(fileId, rowCount, sequentialIds(chunks.size()), chunks, 0, 0);
    }

    static List<Long> sequentialIds(int count)
    {
        List<Long> ids = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            ids.add((long) i);
        }
        return ids;
    }

    /** The chunk of a column, or null when this row group was written before the column was added. */
    public ChunkEntry chunkFor(long columnId)
    {
        for (int i = 0; i < columnIds.size(); i++) {
            if (columnIds.get(i) == columnId) {
                return chunks.get(i);
            }
        }
        return null;
    }

    public int liveRowCount()
    {
        return rowCount - deletedCount;
    }

    public RowGroupEntry withDeletions(long newDeletionFileId, int newDeletedCount)
    {
        return new RowGroupEntry(fileId, rowCount, columnIds, chunks, newDeletionFileId, newDeletedCount);
    }

    /** Without the chunks of columns that are no longer in the table (their bytes stay in the file, unread). */
    public RowGroupEntry retainColumns(List<Long> liveColumnIds)
    {
        List<Long> ids = new ArrayList<>();
        List<ChunkEntry> kept = new ArrayList<>();
        for (int i = 0; i < columnIds.size(); i++) {
            if (liveColumnIds.contains(columnIds.get(i))) {
                ids.add(columnIds.get(i));
                kept.add(chunks.get(i));
            }
        }
        return new RowGroupEntry(fileId, rowCount, ids, kept, deletionFileId, deletedCount);
    }
}
