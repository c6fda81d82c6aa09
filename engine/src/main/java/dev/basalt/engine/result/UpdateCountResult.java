package dev.basalt.engine.result;

import dev.basalt.engine.QueryResult;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.Column;

import java.util.List;

/** The result of a statement that returns no rows: DDL (count 0), INSERT, COPY, CALL. Holds no memory. */
public record UpdateCountResult(long updateCount) implements QueryResult
{
    @Override
    public boolean isQuery()
    {
        return false;
    }

    @Override
    public List<Column> columns()
    {
        return List.of();
    }

    @Override
    public ColumnBatch nextBatch()
    {
        return null;
    }

    @Override
    public List<List<Object>> fetchAll()
    {
        return List.of();
    }

    @Override
    public void close() {}
}
