package dev.basalt.engine;

import dev.basalt.engine.statement.QueryWorkers;
import dev.basalt.parser.SqlParser;
import dev.basalt.spi.catalog.Catalog;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.storage.DirectoryCatalog;
import dev.basalt.storage.MemoryCatalog;
import dev.basalt.storage.StorageOptions;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;

import static java.util.Objects.requireNonNull;

/**
 * An open Basalt database: a directory on disk, or memory. Thread-safe; hands out {@link Session}s.
 * Closing it closes every session and checks that no Arrow memory leaked.
 *
 * <p>Memory: one root allocator limited to {@link DatabaseOptions#memoryLimitBytes()}; every statement runs in a
 * child allocator limited to the query memory limit.
 *
 * <p>Transactions: storage gives snapshot isolation and admits one writing transaction at a time (others wait up
 * to {@link DatabaseOptions#writerWaitTimeout()}, then fail with 55006; a transaction whose snapshot is older than
 * another's commit fails with 40001 at its first change). Sessions run each writing statement in a transaction
 * of its own unless the user opened one with BEGIN.
 */
public final class Database implements AutoCloseable
{
    private static final SqlParser PARSER = new SqlParser();

    private final DatabaseOptions options;
    private final RootAllocator allocator;
    private final BufferAllocator rowFilterAllocator;
    private final EngineRowFilterCompiler rowFilterCompiler;
    private final Catalog catalog;
    /**
     * Serializes autocommit writing statements, fairly, so that each takes its snapshot after the previous one
     * committed: without it, concurrent writers would keep failing each other with 40001 (storage admits one
     * writer and the first committer wins). Explicit transactions do not take it.
     */
    private final ReentrantLock autocommitWriters = new ReentrantLock(true);
    private final AtomicLong queryIds = new AtomicLong();
    private final Set<Session> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    /**
     * The workers of parallel queries, shared by all sessions (daemon threads). Cached rather than fixed: a worker
     * may wait on a consumer that reads slowly, and that must never keep another query's workers from starting;
     * how many a query uses is its {@code threads} setting.
     */
    private final ExecutorService workers = Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name("basalt-worker-", 0).factory());

    private Database(DatabaseOptions options, BiFunction<BufferAllocator, StorageOptions, Catalog> catalogFactory, StorageOptions storageOptions)
    {
        this.options = requireNonNull(options, "options is null");
        if (options.memoryLimitBytes() <= 0 || options.queryMemoryLimitBytes() <= 0) {
            throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE, "memory limits must be positive: " + options);
        }
        this.allocator = new RootAllocator(options.memoryLimitBytes());
        // index predicates are evaluated batch by batch; their results are freed after every batch
        this.rowFilterAllocator = allocator.newChildAllocator("index-predicates", 0, Long.MAX_VALUE);
        this.rowFilterCompiler = new EngineRowFilterCompiler(rowFilterAllocator);
        try {
            this.catalog = catalogFactory.apply(allocator, storageOptions
                    .withWriterLockTimeout(options.writerWaitTimeout())
                    .withRowFilterCompiler(rowFilterCompiler));
        }
        catch (Throwable failure) {
            rowFilterAllocator.close();
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
        return new Database(options, (allocator, storage) -> DirectoryCatalog.open(directory, storage), StorageOptions.defaults());
    }

    /** A new empty in-memory database. */
    public static Database inMemory()
    {
        return inMemory(DatabaseOptions.defaults());
    }

    public static Database inMemory(DatabaseOptions options)
    {
        return new Database(options, (allocator, storage) -> new MemoryCatalog(storage), StorageOptions.memoryDefaults());
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
        workers.shutdown();
        try {
            catalog.close();
        }
        catch (RuntimeException e) {
            failure = chain(failure, e);
        }
        try {
            rowFilterAllocator.close();
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

    QueryWorkers workers()
    {
        return new QueryWorkers(workers, options.parallelMinRows());
    }

    SqlParser parser()
    {
        return PARSER;
    }

    Catalog catalog()
    {
        return catalog;
    }

    /** Takes the autocommit writer lock, waiting at most the writer wait timeout (55006 after it). */
    void lockAutocommitWriter()
    {
        try {
            if (!autocommitWriters.tryLock(options.writerWaitTimeout().toNanos(), TimeUnit.NANOSECONDS)) {
                throw new BasaltException(ErrorCode.OBJECT_IN_USE, "another statement is writing to the database: gave up waiting after "
                        + options.writerWaitTimeout().toMillis() + " ms");
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BasaltException(ErrorCode.QUERY_CANCELED, "interrupted while waiting to write");
        }
    }

    void unlockAutocommitWriter()
    {
        autocommitWriters.unlock();
    }

    EngineRowFilterCompiler rowFilterCompiler()
    {
        return rowFilterCompiler;
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
