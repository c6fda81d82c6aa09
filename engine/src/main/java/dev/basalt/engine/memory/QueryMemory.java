package dev.basalt.engine.memory;

import org.apache.arrow.memory.BufferAllocator;

import static java.util.Objects.requireNonNull;

/**
 * The Arrow memory of one statement: a child of the database's root allocator whose limit is the query's memory
 * limit. Closing it verifies that everything the statement allocated was released, so a leak is found at the
 * query that caused it instead of much later at database close.
 */
public final class QueryMemory implements AutoCloseable
{
    private final BufferAllocator allocator;
    private final long limitBytes;
    private boolean closed;

    private QueryMemory(BufferAllocator allocator, long limitBytes)
    {
        this.allocator = requireNonNull(allocator, "allocator is null");
        this.limitBytes = limitBytes;
    }

    public static QueryMemory open(BufferAllocator parent, String name, long limitBytes)
    {
        return new QueryMemory(parent.newChildAllocator(name, 0, limitBytes), limitBytes);
    }

    public BufferAllocator allocator()
    {
        return allocator;
    }

    public long limitBytes()
    {
        return limitBytes;
    }

    /** Releases the allocator; throws IllegalStateException naming the leak when memory is still held. */
    @Override
    public void close()
    {
        if (closed) {
            return;
        }
        closed = true;
        long leaked = allocator.getAllocatedMemory();
        if (leaked != 0 || !allocator.getChildAllocators().isEmpty()) {
            // Not closing keeps the leak visible to the database's final check as well.
            throw new IllegalStateException("Arrow memory leaked by " + allocator.getName() + ": " + leaked
                    + " bytes still allocated when the query was closed\n" + allocator.toVerboseString());
        }
        allocator.close();
    }
}
