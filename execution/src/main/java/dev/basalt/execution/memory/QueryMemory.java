package dev.basalt.execution.memory;

import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import org.apache.arrow.memory.BufferAllocator;

import static java.util.Objects.requireNonNull;

/**
 * The memory budget of one query. Arrow buffers are accounted by the query allocator (its limit is the query's
 * limit); Java-heap structures that grow with the data (hash tables, sort indexes, aggregate states) are
 * reserved here against the same budget, so an oversized query fails with 53200 instead of exhausting the JVM.
 */
public final class QueryMemory
{
    private final BufferAllocator queryAllocator;
    private long heapReserved;
    private final WorkTables workTables = new WorkTables();
    private final dev.basalt.execution.PlanProfile profile;

    public QueryMemory(BufferAllocator queryAllocator)
    {
        this(queryAllocator, null);
    }

    /** With a profile (EXPLAIN ANALYZE; null for none): its operators count rows and time. */
    public QueryMemory(BufferAllocator queryAllocator, dev.basalt.execution.PlanProfile profile)
    {
        this.queryAllocator = requireNonNull(queryAllocator, "queryAllocator is null");
        this.profile = profile;
    }

    /** The query's EXPLAIN ANALYZE profile, or null when not profiling (per-query scope, like the work tables). */
    public dev.basalt.execution.PlanProfile profile()
    {
        return profile;
    }

    public BufferAllocator allocator()
    {
        return queryAllocator;
    }

    /** The query's recursive-CTE work tables (a per-query scope like the memory budget). */
    public WorkTables workTables()
    {
        return workTables;
    }

    public synchronized void reserveHeap(long bytes, String owner)
    {
        long available = queryAllocator.getHeadroom() - heapReserved;
        if (bytes > available) {
            throw exceeded(owner, bytes);
        }
        heapReserved += bytes;
    }

    public synchronized void releaseHeap(long bytes)
    {
        heapReserved -= bytes;
    }

    public synchronized long heapReserved()
    {
        return heapReserved;
    }

    public BasaltException exceeded(String owner, long requested)
    {
        return new BasaltException(ErrorCode.OUT_OF_MEMORY, "query exceeded its memory limit of " + queryAllocator.getLimit()
                + " bytes (" + owner + " needed " + requested + " more bytes; in use: " + (queryAllocator.getAllocatedMemory() + heapReserved) + ")");
    }
}
