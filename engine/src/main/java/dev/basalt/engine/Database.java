package dev.basalt.engine;

import java.nio.file.Path;

/**
 * An open Basalt database: a directory on disk, or memory. Thread-safe; hands out {@link Session}s.
 * Closing it closes every session and checks that no Arrow memory leaked.
 */
public final class Database implements AutoCloseable
{
    /** Opens (creating when absent) the database in {@code directory}. */
    public static Database open(Path directory)
    {
        return open(directory, DatabaseOptions.defaults());
    }

    public static Database open(Path directory, DatabaseOptions options)
    {
        throw new UnsupportedOperationException("TODO");
    }

    /** A new empty in-memory database. */
    public static Database inMemory()
    {
        return inMemory(DatabaseOptions.defaults());
    }

    public static Database inMemory(DatabaseOptions options)
    {
        throw new UnsupportedOperationException("TODO");
    }

    /** A new session (its own settings, e.g. SET statements, and prepared parameters). */
    public Session newSession()
    {
        throw new UnsupportedOperationException("TODO");
    }

    /** Arrow memory currently held by this database's queries and caches. */
    public long allocatedMemory()
    {
        throw new UnsupportedOperationException("TODO");
    }

    @Override
    public void close()
    {
    }
}
