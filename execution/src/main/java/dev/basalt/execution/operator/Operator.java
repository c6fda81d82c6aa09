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

    /** Releases everything: held batches, state, child operators, and the operator's allocator. Idempotent. */
    @Override
    void close();
}
