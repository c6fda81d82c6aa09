package dev.basalt.storage.codec;

import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Base of jqwik property classes that use Arrow memory: one allocator per class, which must be empty at its end. */
abstract class AllocatorProperties
{
    // Static because jqwik container hooks are static; classes run one after another, each opening its own.
    protected static BufferAllocator allocator;

    @BeforeContainer
    static void openAllocator()
    {
        allocator = new RootAllocator();
    }

    @AfterContainer
    static void closeAllocator()
    {
        assertEquals(0, allocator.getAllocatedMemory());
        allocator.close();
    }
}
