package dev.basalt.storage;

import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Base of JUnit tests that use Arrow memory: a fresh allocator per test, which must be empty when the test ends. */
public abstract class AllocatorTest
{
    protected RootAllocator allocator;

    @BeforeEach
    protected final void openAllocator()
    {
        allocator = new RootAllocator();
    }

    @AfterEach
    protected final void closeAllocator()
    {
        assertEquals(0, allocator.getAllocatedMemory(), "leaked Arrow memory");
        allocator.close();
    }
}
