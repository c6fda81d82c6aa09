package dev.basalt.engine;

import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.Column;

import java.util.List;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/** A query result registered with its session, so that closing the session closes results left open. */
final class TrackedResult implements QueryResult
{
    private final QueryResult delegate;
    private final Consumer<TrackedResult> onClose;

    TrackedResult(QueryResult delegate, Consumer<TrackedResult> onClose)
    {
        this.delegate = requireNonNull(delegate, "delegate is null");
        this.onClose = requireNonNull(onClose, "onClose is null");
    }

    @Override
    public boolean isQuery()
    {
        return delegate.isQuery();
    }

    @Override
    public List<Column> columns()
    {
        return delegate.columns();
    }

    @Override
    public long updateCount()
    {
        return delegate.updateCount();
    }

    @Override
    public ColumnBatch nextBatch()
    {
        return delegate.nextBatch();
    }

    @Override
    public List<List<Object>> fetchAll()
    {
        return delegate.fetchAll();
    }

    @Override
    public void close()
    {
        try {
            delegate.close();
        }
        finally {
            onClose.accept(this);
        }
    }
}
