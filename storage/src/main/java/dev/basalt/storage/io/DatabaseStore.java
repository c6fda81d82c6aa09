package dev.basalt.storage.io;

import dev.basalt.storage.manifest.Manifest;

import java.io.IOException;

/**
 * Where a database's bytes live: a directory ({@link FileStore}) or the heap ({@link MemoryStore}). The catalog
 * above it is the same, so both keep identical row groups, deletion vectors, index files and manifests. Files of
 * a table are named by {@link dev.basalt.storage.manifest.FileNames}; each is written once and never modified.
 */
public interface DatabaseStore
{
    /** The committed state found when the store was opened (after recovery). */
    Manifest initialManifest();

    /** Where a file is, for error messages (a path, or a memory: name). */
    String describe(long tableId, String name);

    /** Stores a new file of a table (durable after the next {@link #syncTable}); never overwrites. */
    void writeFile(long tableId, String name, byte[] bytes, int length) throws IOException;

    /** Opens a file for reading ranges; {@code CorruptedDataException} when it is missing. */
    RowGroupSource openFile(long tableId, String name) throws IOException;

    /** Reads a whole (small) file; {@code CorruptedDataException} when it is missing. */
    byte[] readFile(long tableId, String name) throws IOException;

    /** Makes the files written for a table, and their directory entries, durable (before they are published). */
    void syncTable(long tableId) throws IOException;

    /** Best-effort removal of a file nobody references any more. */
    void deleteFile(long tableId, String name);

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
