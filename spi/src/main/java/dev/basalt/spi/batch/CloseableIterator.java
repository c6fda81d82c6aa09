package dev.basalt.spi.batch;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** An iterator over resources (usually {@link ColumnBatch}es) that must be closed when abandoned early. */
public interface CloseableIterator<T> extends Iterator<T>, AutoCloseable
{
    @Override
    void close();

    static <T> CloseableIterator<T> empty()
    {
        return new CloseableIterator<>()
        {
            @Override
            public boolean hasNext()
            {
                return false;
            }

            @Override
            public T next()
            {
                throw new NoSuchElementException();
            }

            @Override
            public void close() {}
        };
    }

    /** Iterates a list; closing closes the items not yet handed out when they are AutoCloseable. */
    static <T> CloseableIterator<T> of(List<T> items)
    {
        return new CloseableIterator<>()
        {
            private int next;

            @Override
            public boolean hasNext()
            {
                return next < items.size();
            }

            @Override
            public T next()
            {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return items.get(next++);
            }

            @Override
            public void close()
            {
                // Keep closing after a failure so one bad item does not leak the rest.
                RuntimeException failure = null;
                while (next < items.size()) {
                    if (items.get(next++) instanceof AutoCloseable closeable) {
                        try {
                            closeable.close();
                        }
                        catch (Exception e) {
                            RuntimeException wrapped = e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
                            if (failure == null) {
                                failure = wrapped;
                            }
                            else if (failure != wrapped) {
                                failure.addSuppressed(wrapped);
                            }
                        }
                    }
                }
                if (failure != null) {
                    throw failure;
                }
            }
        };
    }
}
