package dev.basalt.engine;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * Settings fixed when a database is opened.
 *
 * @param memoryLimitBytes total Arrow memory all queries of this database may hold at once
 * @param queryMemoryLimitBytes memory one query may hold; over it the query fails with 53200
 * @param writerWaitTimeout how long a writing statement waits for another session's open writing transaction
 *                          before failing with 55006 (one writer per database)
 */
public record DatabaseOptions(long memoryLimitBytes, long queryMemoryLimitBytes, Duration writerWaitTimeout)
{
    public static final Duration DEFAULT_WRITER_WAIT_TIMEOUT = Duration.ofSeconds(10);

    public DatabaseOptions
    {
        requireNonNull(writerWaitTimeout, "writerWaitTimeout is null");
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
        return new DatabaseOptions(memoryLimitBytes, bytes, writerWaitTimeout);
    }

    public DatabaseOptions withWriterWaitTimeout(Duration timeout)
    {
        return new DatabaseOptions(memoryLimitBytes, queryMemoryLimitBytes, timeout);
    }
}
