package dev.basalt.engine;

/**
 * Settings fixed when a database is opened.
 *
 * @param memoryLimitBytes total Arrow memory all queries of this database may hold at once
 * @param queryMemoryLimitBytes memory one query may hold; over it the query fails with 53200
 */
public record DatabaseOptions(long memoryLimitBytes, long queryMemoryLimitBytes)
{
    public static DatabaseOptions defaults()
    {
        long max = Runtime.getRuntime().maxMemory();
        // Arrow memory is off-heap: allow as much as the heap by default, a sane share of the machine.
        long total = Math.max(256L << 20, max);
        return new DatabaseOptions(total, total);
    }

    public DatabaseOptions withQueryMemoryLimit(long bytes)
    {
        return new DatabaseOptions(memoryLimitBytes, bytes);
    }
}
