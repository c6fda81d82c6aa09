package dev.basalt.execution.expression;

import dev.basalt.execution.vector.Bitmaps;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.spi.batch.ColumnBatch;
import org.apache.arrow.vector.FieldVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** Reads an integer operand (SMALLINT, INTEGER or BIGINT, column or constant) as longs, for non-hot functions. */
final class IntegralInput
{
    private final Evaluator evaluator;
    private final long constant;
    private final int width;
    private MemorySegment data;
    private MemorySegment validity;

    IntegralInput(Evaluator evaluator)
    {
        this.evaluator = evaluator;
        this.width = Vectors.width(evaluator.type());
        ConstantEvaluator c = evaluator instanceof ConstantEvaluator k && !k.isNull() ? k : null;
        this.constant = c == null ? 0 : c.longValue();
    }

    void load(ColumnBatch input, int[] rows, int count)
    {
        if (evaluator instanceof ConstantEvaluator c) {
            data = null;
            validity = c.isNull() ? MemorySegment.ofArray(new long[(input.physicalRowCount() >>> 6) + 1]) : null;
            return;
        }
        FieldVector vector = evaluator.evaluate(input, rows, count);
        data = Vectors.data(vector);
        validity = Vectors.validity(vector);
    }

    boolean isNull(int position)
    {
        return !Bitmaps.isSet(validity, position);
    }

    long get(int position)
    {
        if (data == null) {
            return constant;
        }
        return switch (width) {
            case 2 -> data.getAtIndex(ValueLayout.JAVA_SHORT_UNALIGNED, position);
            case 4 -> data.getAtIndex(ValueLayout.JAVA_INT_UNALIGNED, position);
            default -> data.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, position);
        };
    }
}
