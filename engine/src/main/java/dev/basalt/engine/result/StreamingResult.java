package dev.basalt.engine.result;

import dev.basalt.engine.QueryResult;
import dev.basalt.engine.error.Failures;
import dev.basalt.engine.memory.QueryMemory;
import dev.basalt.spi.batch.CloseableIterator;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.error.BasaltException;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Rows streamed from an executing plan. Owns the query's memory: closing (also before the end) closes the
 * operator tree and then checks that the query released everything it allocated.
 */
public final class StreamingResult implements QueryResult
{
    private final List<Column> columns;
    private final CloseableIterator<ColumnBatch> batches;
    private final QueryMemory memory;
    private boolean finished;
    private boolean closed;

    public StreamingResult(List<Column> columns, CloseableIterator<ColumnBatch> batches, QueryMemory memory)
    {
        this.columns = List.copyOf(requireNonNull(columns, "columns is null"));
        this.batches = requireNonNull(batches, "batches is null");
        this.memory = requireNonNull(memory, "memory is null");
    }

    @Override
    public boolean isQuery()
    {
        return true;
    }

    @Override
    public List<Column> columns()
    {
        return columns;
    }

    @Override
    public long updateCount()
    {
        return -1;
    }

    @Override
    public ColumnBatch nextBatch()
    {
        if (closed) {
            throw new IllegalStateException("the result is closed");
        }
        if (finished) {
            return null;
        }
        try {
            while (batches.hasNext()) {
                ColumnBatch batch = batches.next();
                if (batch.rowCount() > 0) {
                    return batch;
                }
                batch.close();
            }
            finished = true;
            return null;
        }
        catch (Throwable t) {
            BasaltException failure = Failures.toBasalt(t, memory.limitBytes());
            finished = true;
            Failures.closeAfterFailure(this, failure);
            throw failure;
        }
    }

    @Override
    public List<List<Object>> fetchAll()
    {
        return ResultRows.readAll(this);
    }

    @Override
    public void close()
    {
        if (closed) {
            return;
        }
        closed = true;
        List<Throwable> failures = new ArrayList<>();
        try {
            batches.close();
        }
        catch (Throwable t) {
            failures.add(t);
        }
        try {
            memory.close();
        }
        catch (Throwable t) {
            failures.add(t);
        }
        if (!failures.isEmpty()) {
            Throwable first = failures.getFirst();
            for (int i = 1; i < failures.size(); i++) {
                first.addSuppressed(failures.get(i));
            }
            if (first instanceof IllegalStateException leak) {
                throw leak;
            }
            throw Failures.toBasalt(first, memory.limitBytes());
        }
    }
}
