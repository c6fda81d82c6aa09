package dev.basalt.execution;

import dev.basalt.execution.memory.QueryMemory;
import dev.basalt.execution.operator.Operator;
import dev.basalt.execution.vector.BatchTransfer;
import dev.basalt.spi.batch.CloseableIterator;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import org.apache.arrow.memory.OutOfMemoryException;

import java.util.NoSuchElementException;

/**
 * Streams the root operator's batches to the caller. Each batch's buffers move to the query allocator, so the
 * caller may keep batches after closing the iterator. Failures become {@link BasaltException}s.
 */
final class QueryIterator
        implements CloseableIterator<ColumnBatch>
{
    private final Operator root;
    private final QueryMemory memory;
    private ColumnBatch pending;
    private boolean finished;
    private boolean closed;

    QueryIterator(Operator root, QueryMemory memory)
    {
        this.root = root;
        this.memory = memory;
    }

    @Override
    public boolean hasNext()
    {
        if (pending != null) {
            return true;
        }
        if (finished || closed) {
            return false;
        }
        try {
            ColumnBatch batch = root.next();
            if (batch == null) {
                finished = true;
                return false;
            }
            pending = BatchTransfer.moveTo(batch, memory.allocator());
            return true;
        }
        catch (RuntimeException | OutOfMemoryError e) {
            finished = true;
            throw translate(e, memory);
        }
    }

    @Override
    public ColumnBatch next()
    {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ColumnBatch batch = pending;
        pending = null;
        return batch;
    }

    static BasaltException translate(Throwable failure, QueryMemory memory)
    {
        if (failure instanceof BasaltException e) {
            return e;
        }
        if (failure instanceof OutOfMemoryException || failure instanceof OutOfMemoryError) {
            return new BasaltException(ErrorCode.OUT_OF_MEMORY, "query exceeded its memory limit of " + memory.allocator().getLimit()
                    + " bytes: " + failure.getMessage(), failure);
        }
        return BasaltException.wrap(failure);
    }

    @Override
    public void close()
    {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (pending != null) {
                pending.close();
                pending = null;
            }
        }
        finally {
            try {
                root.close();
            }
            catch (RuntimeException e) {
                throw translate(e, memory);
            }
        }
    }
}
