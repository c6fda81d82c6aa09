package dev.basalt.storage.io;

import dev.basalt.storage.manifest.Manifest;

import java.io.IOException;

/**
 * Where a database's bytes live: a directory ({@link FileStore}) or the heap ({@link MemoryStore}). The catalog
 * above it is the same, so both keep identical row groups, chunks and zone maps.
 */
public interface DatabaseStore
{
    /** The committed state found when the store was opened (after recovery). */
    Manifest initialManifest();

    /** Where a row-group file is, for error messages (a path, or a memory: name). */
    String describe(long tableId, long fileId);

    /** Stores a new row-group file (durable after the next {@link #syncTable}); never overwrites. */
    void writeRowGroup(long tableId, long fileId, byte[] bytes, int length) throws IOException;

    /** Opens a committed row-group file for reading. */
    RowGroupSource openRowGroup(long tableId, long fileId) throws IOException;

    /** Makes the files written for a table, and their directory entries, durable (before they are published). */
    void syncTable(long tableId) throws IOException;

    /** Best-effort removal of a row-group file nobody references any more. */
    void deleteRowGroup(long tableId, long fileId);

    /** Best-effort removal of a dropped table's remaining files and directory. */
    void deleteTable(long tableId);

    /**
     * Makes {@code manifest} the committed state atomically: after a crash at any point either it or the
     * previous state is what {@link #initialManifest()} returns on the next open.
     */
    void publish(Manifest manifest) throws IOException;

    /** Releases the store (the directory lock); committed data stays. */
    void close();
}
