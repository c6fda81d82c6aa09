package dev.basalt.execution.expression;

import dev.basalt.execution.kernels.Kernels;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.spi.batch.ColumnBatch;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

import java.lang.foreign.MemorySegment;

/**
 * {@code low <= value <= high} on a long or int column in one kernel pass: the compiler fuses
 * {@code x >= a AND x < b} (BETWEEN, date ranges) into this.
 */
public final class RangeEvaluator
        extends PredicateEvaluator
{
    private final Evaluator value;
    private final boolean intKernel;
    private final long low;
    private final long high;

    public RangeEvaluator(Evaluator value, boolean intKernel, long low, long high, BufferAllocator allocator)
    {
        super(allocator);
        this.value = child(value);
        this.intKernel = intKernel;
        this.low = low;
        this.high = high;
    }

    @Override
    public int filter(ColumnBatch input, int[] rows, int count, int[] out)
    {
        if (low > high) {
            return 0;
        }
        FieldVector vector = value.evaluate(input, rows, count);
        MemorySegment data = Vectors.data(vector);
        MemorySegment validity = Vectors.validity(vector);
        if (intKernel) {
            return Kernels.get().selectIntRange(data, validity, rows, count, (int) low, (int) high, out);
        }
        return Kernels.get().selectLongRange(data, validity, rows, count, low, high, out);
    }

    @Override
    protected void writeValidity(ColumnBatch input, int[] rows, int count, MemorySegment validity)
    {
        andValidity(validity, input.physicalRowCount(), value.evaluate(input, rows, count));
    }
}
