package dev.basalt.spi.batch;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CloseableIteratorTest
{
    /** Records how often it was closed; optionally fails when closed. */
    private static final class Resource implements AutoCloseable
    {
        private final boolean failOnClose;
        private int closeCount;

        Resource(boolean failOnClose)
        {
            this.failOnClose = failOnClose;
        }

        @Override
        public void close() throws Exception
        {
            closeCount++;
            if (failOnClose) {
                throw new Exception("close failed");
            }
        }
    }

    @Test
    void emptyIterator()
    {
        try (CloseableIterator<String> iterator = CloseableIterator.empty()) {
            assertFalse(iterator.hasNext());
            assertThrows(NoSuchElementException.class, iterator::next);
        }
    }

    @Test
    void iteratesTheListInOrder()
    {
        List<String> seen = new ArrayList<>();
        try (CloseableIterator<String> iterator = CloseableIterator.of(List.of("a", "b", "c"))) {
            while (iterator.hasNext()) {
                seen.add(iterator.next());
            }
            assertThrows(NoSuchElementException.class, iterator::next);
        }
        assertEquals(List.of("a", "b", "c"), seen);
    }

    @Test
    void closeClosesOnlyTheUnconsumedItems()
    {
        List<Resource> resources = List.of(new Resource(false), new Resource(false), new Resource(false));
        CloseableIterator<Resource> iterator = CloseableIterator.of(resources);
        assertSame(resources.get(0), iterator.next());
        iterator.close();
        assertEquals(0, resources.get(0).closeCount, "handed out: the caller owns it");
        assertEquals(1, resources.get(1).closeCount);
        assertEquals(1, resources.get(2).closeCount);
        assertFalse(iterator.hasNext());
        iterator.close();
        assertEquals(1, resources.get(1).closeCount, "second close is a no-op");
    }

    @Test
    void closeAfterFullConsumptionClosesNothing()
    {
        List<Resource> resources = List.of(new Resource(false), new Resource(false));
        try (CloseableIterator<Resource> iterator = CloseableIterator.of(resources)) {
            iterator.next();
            iterator.next();
        }
        assertEquals(0, resources.get(0).closeCount);
        assertEquals(0, resources.get(1).closeCount);
    }

    @Test
    void closeKeepsClosingAfterAFailure()
    {
        List<Resource> resources = List.of(new Resource(false), new Resource(true), new Resource(false), new Resource(true));
        CloseableIterator<Resource> iterator = CloseableIterator.of(resources);
        RuntimeException e = assertThrows(RuntimeException.class, iterator::close);
        assertEquals("close failed", e.getCause().getMessage());
        assertEquals(1, e.getSuppressed().length);
        for (Resource resource : resources) {
            assertEquals(1, resource.closeCount);
        }
    }

    @Test
    void closeRethrowsRuntimeExceptionsUnwrapped()
    {
        IllegalStateException failure = new IllegalStateException("vector close failed");
        AutoCloseable failing = () -> {
            throw failure;
        };
        CloseableIterator<AutoCloseable> iterator = CloseableIterator.of(List.of(failing));
        assertSame(failure, assertThrows(IllegalStateException.class, iterator::close));
    }

    @Test
    void nonCloseableItemsAreSkipped()
    {
        Resource resource = new Resource(false);
        CloseableIterator<Object> iterator = CloseableIterator.of(List.of("text", resource, 42));
        iterator.close();
        assertEquals(1, resource.closeCount);
        assertTrue(!iterator.hasNext());
    }
}
