package dev.basalt.execution.expression;

import dev.basalt.execution.vector.Bitmaps;
import dev.basalt.execution.vector.Utf8;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.type.DataType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** LENGTH(s): the number of characters (code points), not bytes. */
public final class LengthEvaluator
        extends Evaluator
{
    private final Evaluator operand;

    public LengthEvaluator(Evaluator operand, DataType type, BufferAllocator allocator)
    {
        super(type, allocator);
        this.operand = child(operand);
    }

    @Override
    public FieldVector evaluate(ColumnBatch input, int[] rows, int count)
    {
        int physical = input.physicalRowCount();
        FieldVector vector = operand.evaluate(input, rows, count);
        VarcharInput value = VarcharInput.of(vector);
        FieldVector result = result(physical);
        Bitmaps.copy(Vectors.validity(vector), Vectors.validityAlways(result), physical);
        MemorySegment out = Vectors.data(result);
        boolean bigint = Vectors.width(type()) == 8;
        for (int i = 0; i < count; i++) {
            int p = rows == null ? i : rows[i];
            if (value.isNull(p)) {
                continue;
            }
            long length = Utf8.characterCount(value.data, value.start(p), value.length(p));
            if (bigint) {
                out.setAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, p, length);
            }
            else {
                out.setAtIndex(ValueLayout.JAVA_INT_UNALIGNED, p, (int) length);
            }
        }
        return result;
    }
}
