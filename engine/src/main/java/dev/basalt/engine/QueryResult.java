package dev.basalt.engine;

import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.Column;

import java.util.List;

/**
 * The result of one statement. A query streams {@link ColumnBatch}es; other statements report an update count
 * (rows inserted/copied/deleted, 0 for DDL). Closing releases all of the query's memory, also when abandoned early.
 */
public interface QueryResult extends AutoCloseable
{
    /** True when the statement produces rows (SELECT, EXPLAIN, SHOW, ...). */
    boolean isQuery();

    /** Result columns of a query; empty for other statements. */
    List<Column> columns();

    /** Rows affected by a non-query statement; -1 for queries. */
    long updateCount();

    /**
     * The next batch of rows, or null at the end. The caller owns and closes the batch; it may carry a
     * selection vector (use {@link ColumnBatch#position(int)}).
     */
    ColumnBatch nextBatch();

    /** Reads all remaining rows as Java objects (see {@link dev.basalt.spi.value.Values}); for small results. */
    List<List<Object>> fetchAll();

    @Override
    void close();
}
