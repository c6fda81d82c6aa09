package dev.basalt.spi.catalog;

import dev.basalt.spi.batch.CloseableIterator;
import dev.basalt.spi.batch.ColumnBatch;
import org.apache.arrow.memory.BufferAllocator;

/** A table: its schema, statistics for the planner, a scan, and a writer. */
public interface Table
{
    TableSchema schema();

    /** Row count and per-column min/max/null count, from zone maps; cheap to call. */
    TableStatistics statistics();

    /**
     * Reads the committed rows as of now (a stable snapshot: a commit during the scan is not seen). The batches
     * hold the requested columns in the order of {@link ScanSpec#columns()}, allocated from {@code allocator};
     * the caller owns and closes each batch and the iterator. Predicates in the spec are hints for skipping
     * row groups: the scan may still return rows that do not match them.
     */
    CloseableIterator<ColumnBatch> scan(ScanSpec spec, BufferAllocator allocator);

    /** A writer that appends rows; nothing it wrote is visible until {@link TableWriter#commit()}. */
    TableWriter newWriter(BufferAllocator allocator);
}
