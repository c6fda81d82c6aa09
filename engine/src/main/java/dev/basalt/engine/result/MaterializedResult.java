package dev.basalt.engine.result;

import dev.basalt.engine.QueryResult;
import dev.basalt.engine.memory.QueryMemory;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.batch.ColumnBatchBuilder;
import dev.basalt.spi.catalog.Column;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A small result computed up front (SHOW TABLES, DESCRIBE, EXPLAIN). Batches are built on demand from the
 * statement's own memory, which closing releases.
 */
public final class MaterializedResult implements QueryResult
{
    private final List<Column> columns;
    private final List<List<Object>> rows;
    private final QueryMemory memory;
    private int next;
    private boolean closed;

    public MaterializedResult(List<Column> columns, List<List<Object>> rows, QueryMemory memory)
    {
        this.columns = List.copyOf(requireNonNull(columns, "columns is null"));
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("row has " + row.size() + " values, expected " + columns.size());
            }
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        this.rows = copy;
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
        checkOpen();
        if (next >= rows.size()) {
            return null;
        }
        int end = Math.min(rows.size(), next + ColumnBatch.DEFAULT_ROW_COUNT);
        try (ColumnBatchBuilder builder = new ColumnBatchBuilder(memory.allocator(), columns)) {
            for (int i = next; i < end; i++) {
                builder.appendRow(rows.get(i));
            }
            next = end;
            return builder.build();
        }
    }

    @Override
    public List<List<Object>> fetchAll()
    {
        checkOpen();
        List<List<Object>> remaining = List.copyOf(rows.subList(next, rows.size()));
        next = rows.size();
        return remaining;
    }

    @Override
    public void close()
    {
        if (closed) {
            return;
        }
        closed = true;
        memory.close();
    }

    private void checkOpen()
    {
        if (closed) {
            throw new IllegalStateException("the result is closed");
        }
    }
}
