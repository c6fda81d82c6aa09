package dev.basalt.execution.operator;

import dev.basalt.execution.memory.QueryMemory;
import org.apache.arrow.memory.BufferAllocator;

import static java.util.Objects.requireNonNull;

/**
 * What one operator instance uses: its own child allocator of the query allocator (so memory is accounted per
 * operator and the query limit applies) and heap reservations against the query budget. Closing releases both;
 * the allocator must be empty by then.
 */
public final class OperatorContext
        implements AutoCloseable
{
    private final String name;
    private final QueryMemory memory;
    private final BufferAllocator allocator;
    private long heapReserved;

    public OperatorContext(String name, QueryMemory memory)
    {
        this.name = requireNonNull(name, "name is null");
        this.memory = requireNonNull(memory, "memory is null");
        this.allocator = memory.allocator().newChildAllocator(name, 0, Long.MAX_VALUE);
    }

    public String name()
    {
        return name;
    }

    public BufferAllocator allocator()
    {
        return allocator;
    }

    public QueryMemory memory()
    {
        return memory;
    }

    /** Accounts for {@code bytes} more of Java heap held by this operator; fails with 53200 past the limit. */
    public void reserveHeap(long bytes)
    {
        if (bytes <= 0) {
            return;
        }
        memory.reserveHeap(bytes, name);
        heapReserved += bytes;
    }

    public void releaseHeap(long bytes)
    {
        long released = Math.min(bytes, heapReserved);
        memory.releaseHeap(released);
        heapReserved -= released;
    }

    public long heapReserved()
    {
        return heapReserved;
    }

    @Override
    public void close()
    {
        releaseHeap(heapReserved);
        allocator.close();
    }
}
