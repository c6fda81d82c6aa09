package dev.basalt.engine;

import dev.basalt.execution.ExecutionContext;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * Settings fixed when a database is opened.
 *
 * @param memoryLimitBytes total Arrow memory all queries of this database may hold at once
 * @param queryMemoryLimitBytes memory one query may hold; over it the query fails with 53200
 * @param writerWaitTimeout how long a writing statement waits for another session's open writing transaction
 *                          before failing with 55006 (one writer per database)
 * @param parallelMinRows rows per worker thread below which a query pipeline over a table runs on one thread
 *                        (smaller tables gain nothing from a hand-off; tests lower it to run small data in parallel)
 */
public record DatabaseOptions(long memoryLimitBytes, long queryMemoryLimitBytes, Duration writerWaitTimeout, long parallelMinRows)
{
    public static final Duration DEFAULT_WRITER_WAIT_TIMEOUT = Duration.ofSeconds(10);

    public DatabaseOptions
    {
        requireNonNull(writerWaitTimeout, "writerWaitTimeout is null");
        if (parallelMinRows < 1) {
            throw new IllegalArgumentException("parallelMinRows must be positive: " + parallelMinRows);
        }
    }

    public DatabaseOptions(long memoryLimitBytes, long queryMemoryLimitBytes, Duration writerWaitTimeout)
    {
        this(memoryLimitBytes, queryMemoryLimitBytes, writerWaitTimeout, ExecutionContext.DEFAULT_MIN_ROWS_PER_THREAD);
    }

    public DatabaseOptions(long memoryLimitBytes, long queryMemoryLimitBytes)
    {
        this(memoryLimitBytes, queryMemoryLimitBytes, DEFAULT_WRITER_WAIT_TIMEOUT);
    }

    public static DatabaseOptions defaults()
    {
        long max = Runtime.getRuntime().maxMemory();
        // Arrow memory is off-heap: allow as much as the heap by default, a sane share of the machine.
        long total = Math.max(256L << 20, max);
        return new DatabaseOptions(total, total);
    }

    public DatabaseOptions withQueryMemoryLimit(long bytes)
    {
        return new DatabaseOptions(memoryLimitBytes, bytes, writerWaitTimeout, parallelMinRows);
    }

    public DatabaseOptions withWriterWaitTimeout(Duration timeout)
    {
        return new DatabaseOptions(memoryLimitBytes, queryMemoryLimitBytes, timeout, parallelMinRows);
    }

    public DatabaseOptions withParallelMinRows(long rows)
    {
        return new DatabaseOptions(memoryLimitBytes, queryMemoryLimitBytes, writerWaitTimeout, rows);
    }
}
