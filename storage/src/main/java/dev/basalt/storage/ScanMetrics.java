package dev.basalt.storage;

import java.util.concurrent.atomic.AtomicLong;

/** Cumulative scan counters of one table (since the catalog was opened), for tests and EXPLAIN ANALYZE. */
public final class ScanMetrics
{
    private final AtomicLong rowGroupsScanned = new AtomicLong();
    private final AtomicLong rowGroupsSkipped = new AtomicLong();
    private final AtomicLong rowsScanned = new AtomicLong();
    private final AtomicLong bytesRead = new AtomicLong();

    /** Row groups whose chunks were read and decoded. */
    public long rowGroupsScanned()
    {
        return rowGroupsScanned.get();
    }

    /** Row groups skipped because their zone maps proved no row matches the scan's predicates. */
    public long rowGroupsSkipped()
    {
        return rowGroupsSkipped.get();
    }

    public long rowsScanned()
    {
        return rowsScanned.get();
    }

    /** Stored chunk bytes read (before decompression). */
    public long bytesRead()
    {
        return bytesRead.get();
    }

    public void reset()
    {
        rowGroupsScanned.set(0);
        rowGroupsSkipped.set(0);
        rowsScanned.set(0);
        bytesRead.set(0);
    }

    void recordSkipped(long count)
    {
        rowGroupsSkipped.addAndGet(count);
    }

    void recordScanned(long rows, long bytes)
    {
        rowGroupsScanned.incrementAndGet();
        rowsScanned.addAndGet(rows);
        bytesRead.addAndGet(bytes);
    }

    @Override
    public String toString()
    {
        return "ScanMetrics{scanned=" + rowGroupsScanned + ", skipped=" + rowGroupsSkipped + ", rows=" + rowsScanned + ", bytes=" + bytesRead + "}";
    }
}
