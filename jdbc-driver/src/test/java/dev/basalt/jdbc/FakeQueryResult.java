package dev.basalt.jdbc;

import dev.basalt.engine.QueryResult;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.Column;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** A query result over prepared batches, to test the result set without an engine. */
final class FakeQueryResult implements QueryResult
{
    private final List<Column> columns;
    private final Deque<ColumnBatch> batches;
    int batchesFetched;
    boolean closed;

    FakeQueryResult(List<Column> columns, List<ColumnBatch> batches)
    {
        this.columns = columns;
        this.batches = new ArrayDeque<>(batches);
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
        ColumnBatch batch = batches.poll();
        if (batch != null) {
            batchesFetched++;
        }
        return batch;
    }

    @Override
    public List<List<Object>> fetchAll()
    {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close()
    {
        closed = true;
        while (!batches.isEmpty()) {
            batches.poll().close();
        }
    }
}
