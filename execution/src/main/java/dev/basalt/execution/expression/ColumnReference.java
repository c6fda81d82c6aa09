package dev.basalt.execution.expression;

import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.type.DataType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/** An input column: returns the batch's own vector, without copying. */
public final class ColumnReference
        extends Evaluator
{
    private final int index;

    public ColumnReference(int index, DataType type, BufferAllocator allocator)
    {
        super(type, allocator);
        this.index = index;
    }

    public int index()
    {
        return index;
    }

    @Override
    public FieldVector evaluate(ColumnBatch input, int[] rows, int count)
    {
        return input.column(index);
    }
}
