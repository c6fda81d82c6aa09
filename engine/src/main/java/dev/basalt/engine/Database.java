package dev.basalt.engine;

import dev.basalt.parser.SqlParser;
import dev.basalt.spi.catalog.Catalog;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.storage.DirectoryCatalog;
import dev.basalt.storage.MemoryCatalog;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * An open Basalt database: a directory on disk, or memory. Thread-safe; hands out {@link Session}s.
 * Closing it closes every session and checks that no Arrow memory leaked.
 *
 * <p>Memory: one root allocator limited to {@link DatabaseOptions#memoryLimitBytes()}; every statement runs in a
 * child allocator limited to the query memory limit. Writes (DDL, INSERT, COPY FROM, dbgen) are serialized by
 * one lock; queries run concurrently and read committed snapshots.
 */
public final class Database implements AutoCloseable
{
    private static final SqlParser PARSER = new SqlParser();

    private final DatabaseOptions options;
    private final RootAllocator allocator;
    private final Catalog catalog;
    private final Lock writeLock = new ReentrantLock();
    private final AtomicLong queryIds = new AtomicLong();
    private final Set<Session> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    private Database(DatabaseOptions options, Function<BufferAllocator, Catalog> catalogFactory)
    {
        this.options = requireNonNull(options, "options is null");
        if (options.memoryLimitBytes() <= 0 || options.queryMemoryLimitBytes() <= 0) {
            throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE, "memory limits must be positive: " + options);
        }
        this.allocator = new RootAllocator(options.memoryLimitBytes());
        try {
            this.catalog = catalogFactory.apply(allocator);
        }
        catch (Throwable failure) {
            allocator.close();
            throw BasaltException.wrap(failure);
        }
    }

    /** Opens (creating when absent) the database in {@code directory}. */
    public static Database open(Path directory)
    {
        return open(directory, DatabaseOptions.defaults());
    }

    public static Database open(Path directory, DatabaseOptions options)
    {
        requireNonNull(directory, "directory is null");
        try {
            Files.createDirectories(directory);
        }
        catch (IOException e) {
            throw new BasaltException(ErrorCode.IO_ERROR, "could not create database directory '" + directory + "': " + e.getMessage(), e);
        }
        return new Database(options, allocator -> DirectoryCatalog.open(directory));
    }

    /** A new empty in-memory database. */
    public static Database inMemory()
    {
        return inMemory(DatabaseOptions.defaults());
    }

    public static Database inMemory(DatabaseOptions options)
    {
        return new Database(options, allocator -> new MemoryCatalog());
    }

    /** A new session (its own settings, e.g. SET statements, and prepared parameters). */
    public Session newSession()
    {
        checkOpen();
        Session session = new Session(this, options.queryMemoryLimitBytes());
        sessions.add(session);
        if (closed.get()) {
            // closed concurrently: do not hand out a session that close() missed
            sessions.remove(session);
            checkOpen();
        }
        return session;
    }

    /** Arrow memory currently held by this database's queries and caches. */
    public long allocatedMemory()
    {
        return allocator.getAllocatedMemory();
    }

    public DatabaseOptions options()
    {
        return options;
    }

    /**
     * Closes every session (and their open results), then the catalog, then the allocator. Throws
     * IllegalStateException if any Arrow memory is still allocated: that is a leak somewhere in the engine.
     */
    @Override
    public void close()
    {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        RuntimeException failure = null;
        for (Session session : List.copyOf(sessions)) {
            try {
                session.close();
            }
            catch (RuntimeException e) {
                failure = chain(failure, e);
            }
        }
        try {
            catalog.close();
        }
        catch (RuntimeException e) {
            failure = chain(failure, e);
        }
        long leaked = allocator.getAllocatedMemory();
        if (leaked != 0 || !allocator.getChildAllocators().isEmpty()) {
            IllegalStateException leak = new IllegalStateException("Arrow memory leaked: " + leaked
                    + " bytes still allocated when the database was closed\n" + allocator.toVerboseString());
            if (failure != null) {
                leak.addSuppressed(failure);
            }
            throw leak;
        }
        allocator.close();
        if (failure != null) {
            throw failure;
        }
    }

    SqlParser parser()
    {
        return PARSER;
    }

    Catalog catalog()
    {
        return catalog;
    }

    Lock writeLock()
    {
        return writeLock;
    }

    BufferAllocator rootAllocator()
    {
        return allocator;
    }

    AtomicLong queryIds()
    {
        return queryIds;
    }

    void sessionClosed(Session session)
    {
        sessions.remove(session);
    }

    void checkOpen()
    {
        if (closed.get()) {
            throw new BasaltException(ErrorCode.CONNECTION_FAILURE, "the database is closed");
        }
    }

    private static RuntimeException chain(RuntimeException first, RuntimeException next)
    {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }
}
