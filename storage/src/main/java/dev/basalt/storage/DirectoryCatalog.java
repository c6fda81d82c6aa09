package dev.basalt.storage;

import dev.basalt.storage.io.FileStore;

import java.nio.file.Path;

/**
 * A database stored in a directory (see docs/STORAGE.md for the layout). Opening creates the directory when
 * absent, locks it against other processes ({@code OBJECT_IN_USE} when another process or catalog has it)
 * and recovers to the last committed state. Close to release the lock.
 */
public final class DirectoryCatalog extends StorageCatalog
{
    private final Path directory;

    private DirectoryCatalog(FileStore store, StorageOptions options)
    {
        super(store, options, store.directory().toString());
        this.directory = store.directory();
    }

    public static DirectoryCatalog open(Path directory)
    {
        return open(directory, StorageOptions.defaults());
    }

    public static DirectoryCatalog open(Path directory, StorageOptions options)
    {
        return new DirectoryCatalog(FileStore.open(directory, options.fsync()), options);
    }

    public Path directory()
    {
        return directory;
    }
}
