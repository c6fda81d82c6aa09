package dev.basalt.execution.expression;

import dev.basalt.execution.vector.Bitmaps;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.type.BooleanType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** NOT x: TRUE for FALSE, FALSE for TRUE, NULL for NULL. */
public final class NotEvaluator
        extends Evaluator
{
    private final Evaluator operand;

    public NotEvaluator(Evaluator operand, BufferAllocator allocator)
    {
        super(BooleanType.BOOLEAN, allocator);
        this.operand = child(operand);
    }

    @Override
    public int filter(ColumnBatch input, int[] rows, int count, int[] out)
    {
        FieldVector value = operand.evaluate(input, rows, count);
        MemorySegment data = Vectors.data(value);
        MemorySegment validity = Vectors.validity(value);
        int n = 0;
        for (int i = 0; i < count; i++) {
            int p = rows == null ? i : rows[i];
            boolean keep = !Bitmaps.get(data, p) && Bitmaps.isSet(validity, p);
            out[n] = p;
            n += keep ? 1 : 0;
        }
        return n;
    }

    @Override
    public FieldVector evaluate(ColumnBatch input, int[] rows, int count)
    {
        int physical = input.physicalRowCount();
        FieldVector value = operand.evaluate(input, rows, count);
        FieldVector result = result(physical);
        Bitmaps.copy(Vectors.validity(value), Vectors.validityAlways(result), physical);
        MemorySegment source = Vectors.data(value);
        MemorySegment target = Vectors.data(result);
        int bytes = Bitmaps.bytes(physical);
        for (int i = 0; i < bytes; i++) {
            target.set(ValueLayout.JAVA_BYTE, i, (byte) ~source.get(ValueLayout.JAVA_BYTE, i));
        }
        return result;
    }
}
