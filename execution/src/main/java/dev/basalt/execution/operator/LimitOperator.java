package dev.basalt.execution.operator;

import dev.basalt.planner.plan.Limit;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.batch.SelectionVector;

import static java.util.Objects.requireNonNull;

/** Skips {@code offset} rows, then passes at most {@code count}; stops pulling its source once done. */
public final class LimitOperator
        implements Operator
{
    private final OperatorContext context;
    private final Operator source;
    private long toSkip;
    private long remaining;
    private boolean closed;

    public LimitOperator(OperatorContext context, Limit plan, Operator source)
    {
        this.context = requireNonNull(context, "context is null");
        this.source = requireNonNull(source, "source is null");
        this.toSkip = plan.offset();
        this.remaining = plan.count();
    }

    @Override
    public ColumnBatch next()
    {
        while (remaining > 0) {
            ColumnBatch batch = source.next();
            if (batch == null) {
                remaining = 0;
                return null;
            }
            int count = batch.rowCount();
            if (toSkip >= count) {
                toSkip -= count;
                batch.close();
                continue;
            }
            int from = (int) toSkip;
            // remaining is Long.MAX_VALUE for OFFSET without LIMIT: compare against what is left, never add to it.
            int to = from + (int) Math.min(count - from, remaining);
            toSkip = 0;
            remaining -= to - from;
            if (remaining == 0) {
                // e.g. parallel workers feeding a gather below stop now, not when the result is closed
                source.finishEarly();
            }
            if (from == 0 && to == count) {
                return batch;
            }
            try {
                if (from == 0 && !batch.hasSelection()) {
                    return ColumnBatch.of(batch.columns(), to);
                }
                int[] positions = new int[to - from];
                for (int i = from; i < to; i++) {
                    positions[i - from] = batch.position(i);
                }
                return batch.withSelection(new SelectionVector(positions, positions.length));
            }
            catch (RuntimeException | Error e) {
                batch.close();
                throw e;
            }
        }
        return null;
    }

    @Override
    public void finishEarly()
    {
        source.finishEarly();
    }

    @Override
    public void close()
    {
        if (closed) {
            return;
        }
        closed = true;
        new Closer().add(source).add(context).close();
    }
}
