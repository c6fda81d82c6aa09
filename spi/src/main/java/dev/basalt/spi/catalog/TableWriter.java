package dev.basalt.spi.catalog;

import dev.basalt.spi.batch.ColumnBatch;

/**
 * Appends and deletes rows of a table. {@link #commit()} publishes everything appended and deleted, atomically (in a
 * {@link Transaction}: stages it into the transaction, which publishes on its own commit); {@link #close()} without a
 * commit discards it, leaving the table as it was. An UPDATE is a delete of the old rows plus an append of the new.
 */
public interface TableWriter extends AutoCloseable
{
    /**
     * Appends the live rows of a batch whose columns are in table order and of the table's types. The writer
     * copies what it needs; the caller keeps ownership of the batch.
     */
    void append(ColumnBatch batch);

    /**
     * Deletes rows by the ids a row-id scan ({@link ScanSpec#rowIds()}) of the same snapshot returned; the first
     * {@code count} entries of {@code rowIds} are used. Deleting a row twice is a no-op.
     */
    void delete(long[] rowIds, int count);

    /** Makes every appended and deleted row visible at once; returns the number of rows appended. */
    long commit();

    @Override
    void close();
}
