package dev.basalt.execution.operator;

import dev.basalt.spi.batch.ColumnBatch;

/** No rows: stands in for the build input of a join worker that probes a shared build. */
public final class EmptyOperator
        implements Operator
{
    @Override
    public ColumnBatch next()
    {
        return null;
    }

    @Override
    public void close()
    {
    }
}
