package dev.basalt.execution.operator;

import dev.basalt.spi.batch.ColumnBatch;

/**
 * A running physical operator, pulled batch by batch. The plan node is the immutable description; an operator
 * holds the run-time state of one execution. Not thread-safe.
 */
public interface Operator
        extends AutoCloseable
{
    /**
     * The next output batch (the caller owns it and closes it), or null when the operator is finished. Batches
     * may carry a selection vector; only their live rows are output.
     */
    ColumnBatch next();

    /**
     * The consumer will pull no more batches (a LIMIT is done): an operator with background work stops it now
     * instead of at {@link #close()}, which still follows. Only a hint; operators without such work ignore it.
     */
    default void finishEarly() {}

    /** Releases everything: held batches, state, child operators, and the operator's allocator. Idempotent. */
    @Override
    void close();
}
