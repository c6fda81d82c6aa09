package dev.basalt.execution.operator;

import dev.basalt.spi.batch.ColumnBatch;

import static java.util.Objects.requireNonNull;

/** EXPLAIN ANALYZE only: counts an operator's output rows and times its {@code next()} calls (inclusive wall time). */
public final class ProfilingOperator
        implements Operator
{
    private final Operator delegate;
    private final OperatorProfile profile;

    public ProfilingOperator(Operator delegate, OperatorProfile profile)
    {
        this.delegate = requireNonNull(delegate, "delegate is null");
        this.profile = requireNonNull(profile, "profile is null");
    }

    @Override
    public ColumnBatch next()
    {
        long start = System.nanoTime();
        ColumnBatch batch = delegate.next();
        profile.record(batch == null ? -1 : batch.rowCount(), System.nanoTime() - start);
        return batch;
    }

    @Override
    public void finishEarly()
    {
        delegate.finishEarly();
    }

    @Override
    public void close()
    {
        delegate.close();
    }
}
