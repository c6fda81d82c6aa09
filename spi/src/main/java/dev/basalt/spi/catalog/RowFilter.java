package dev.basalt.spi.catalog;

import dev.basalt.spi.batch.ColumnBatch;

/**
 * A compiled row predicate (an index's WHERE clause) that storage runs over batches holding every column of the
 * table in table order. Not thread-safe: one per writer or scan.
 */
public interface RowFilter
{
    /**
     * Writes the positions (ascending, among the batch's live rows) at which the predicate is TRUE into
     * {@code positions} (at least {@code batch.physicalRowCount()} long) and returns how many there are. The batch
     * stays owned by the caller.
     */
    int select(ColumnBatch batch, int[] positions);
}
