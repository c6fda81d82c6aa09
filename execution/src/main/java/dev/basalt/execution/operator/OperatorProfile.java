package dev.basalt.execution.operator;

import java.util.concurrent.atomic.LongAdder;

/**
 * Run-time counters of one plan node under EXPLAIN ANALYZE: output rows, output batches and the wall time spent
 * in its operators' {@code next()} (inclusive of its inputs). Thread-safe: the per-split copies of a parallel
 * pipeline add to the same counters, so their times add up across worker threads.
 */
public final class OperatorProfile
{
    private final LongAdder rows = new LongAdder();
    private final LongAdder batches = new LongAdder();
    private final LongAdder nanos = new LongAdder();

    void record(int batchRows, long elapsedNanos)
    {
        if (batchRows >= 0) {
            rows.add(batchRows);
            batches.increment();
        }
        nanos.add(elapsedNanos);
    }

    public long rows()
    {
        return rows.sum();
    }

    public long batches()
    {
        return batches.sum();
    }

    public long nanos()
    {
        return nanos.sum();
    }
}
