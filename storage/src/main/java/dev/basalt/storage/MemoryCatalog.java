package dev.basalt.storage;

import dev.basalt.storage.io.MemoryStore;

/**
 * An in-memory database: the same row groups, encodings and zone maps as a directory database, held as heap
 * byte arrays (uncompressed by default). Everything is gone when it is closed or unreachable.
 */
public final class MemoryCatalog extends StorageCatalog
{
    private final MemoryStore store;

    public MemoryCatalog()
    {
        this(StorageOptions.memoryDefaults());
    }

    public MemoryCatalog(StorageOptions options)
    {
        this(new MemoryStore(), options);
    }

    private MemoryCatalog(MemoryStore store, StorageOptions options)
    {
        super(store, options, "memory");
        this.store = store;
    }

    /** Test hook: the stored bytes of a row-group file (mutating them simulates corruption). */
    byte[] image(long tableId, long fileId)
    {
        return store.bytes(tableId, dev.basalt.storage.manifest.FileNames.rowGroup(fileId));
    }

    /** Test hook: the stored bytes of any file of a table, or null. */
    byte[] file(long tableId, String name)
    {
        return store.bytes(tableId, name);
    }

    /** Test hook: the names of the stored files of a table. */
    java.util.Set<String> fileNames(long tableId)
    {
        return store.fileNames(tableId);
    }
}
