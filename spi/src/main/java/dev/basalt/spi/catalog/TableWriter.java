package dev.basalt.spi.catalog;

import dev.basalt.spi.batch.ColumnBatch;

/**
 * Appends rows to a table. {@link #commit()} publishes everything appended, atomically; {@link #close()}
 * without a commit discards it, leaving the table as it was.
 */
public interface TableWriter extends AutoCloseable
{
    /**
     * Appends the live rows of a batch whose columns are in table order and of the table's types. The writer
     * copies what it needs; the caller keeps ownership of the batch.
     */
    void append(ColumnBatch batch);

    /** Makes every appended row visible at once; returns the number of rows committed. */
    long commit();

    @Override
    void close();
}
