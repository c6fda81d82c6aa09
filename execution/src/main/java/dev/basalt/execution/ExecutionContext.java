package dev.basalt.execution;

import dev.basalt.spi.catalog.Catalog;
import org.apache.arrow.memory.BufferAllocator;

import java.util.concurrent.Executor;

import static java.util.Objects.requireNonNull;

/**
 * What one query's execution may use: the query's own child allocator (its limit is the query's memory limit;
 * operators create their own children of it), the catalog to resolve scanned tables, and its parallelism: up to
 * {@code threads} workers of the shared {@code workers} pool for pipelines over tables of at least
 * {@code minRowsPerThread} rows per worker ({@code threads} 1 = everything on the calling thread).
 */
public record ExecutionContext(BufferAllocator allocator, Catalog catalog, int threads, Executor workers, long minRowsPerThread)
{
    /**
     * Below this many rows per worker a pipeline runs on one thread: a table of one row group (122,880 rows by
     * default) gains nothing from a hand-off.
     */
    public static final long DEFAULT_MIN_ROWS_PER_THREAD = 100_000;

    public ExecutionContext
    {
        requireNonNull(allocator, "allocator is null");
        requireNonNull(catalog, "catalog is null");
        requireNonNull(workers, "workers is null");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        if (minRowsPerThread < 1) {
            throw new IllegalArgumentException("minRowsPerThread must be at least 1: " + minRowsPerThread);
        }
    }

    public ExecutionContext(BufferAllocator allocator, Catalog catalog, int threads, Executor workers)
    {
        this(allocator, catalog, threads, workers, DEFAULT_MIN_ROWS_PER_THREAD);
    }

    /** Single-threaded. */
    public ExecutionContext(BufferAllocator allocator, Catalog catalog)
    {
        this(allocator, catalog, 1, Runnable::run, DEFAULT_MIN_ROWS_PER_THREAD);
    }
}
