package dev.basalt.execution.expression;

import dev.basalt.execution.vector.Bitmaps;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.spi.type.NullType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

import java.lang.foreign.MemorySegment;

/** x IS NULL / x IS NOT NULL; never NULL itself. */
public final class NullCheckEvaluator
        extends PredicateEvaluator
{
    private final Evaluator operand;
    private final boolean isNull;

    public NullCheckEvaluator(Evaluator operand, boolean isNull, BufferAllocator allocator)
    {
        super(allocator);
        this.operand = child(operand);
        this.isNull = isNull;
    }

    @Override
    public int filter(ColumnBatch input, int[] rows, int count, int[] out)
    {
        if (operand.type() instanceof NullType) {
            if (!isNull) {
                return 0;
            }
            for (int i = 0; i < count; i++) {
                out[i] = rows == null ? i : rows[i];
            }
            return count;
        }
        MemorySegment validity = Vectors.validity(operand.evaluate(input, rows, count));
        int n = 0;
        for (int i = 0; i < count; i++) {
            int p = rows == null ? i : rows[i];
            out[n] = p;
            n += Bitmaps.isSet(validity, p) != isNull ? 1 : 0;
        }
        return n;
    }

    @Override
    protected void writeValidity(ColumnBatch input, int[] rows, int count, MemorySegment validity)
    {
        Bitmaps.setAll(validity, input.physicalRowCount());
    }
}
