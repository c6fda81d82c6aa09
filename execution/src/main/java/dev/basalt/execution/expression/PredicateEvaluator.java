package dev.basalt.execution.expression;

import dev.basalt.execution.vector.Bitmaps;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.type.BooleanType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

import java.lang.foreign.MemorySegment;

/**
 * A BOOLEAN expression whose natural form is a selection ({@link #filter}); its value form marks the selected
 * rows TRUE, the rows {@link #writeValidity} leaves unset NULL, and the rest FALSE.
 */
public abstract class PredicateEvaluator
        extends Evaluator
{
    private int[] selection = new int[0];

    protected PredicateEvaluator(BufferAllocator allocator)
    {
        super(BooleanType.BOOLEAN, allocator);
    }

    @Override
    public abstract int filter(ColumnBatch input, int[] rows, int count, int[] out);

    /** Sets in {@code validity} the visited rows whose value is not NULL (other bits may be anything). */
    protected abstract void writeValidity(ColumnBatch input, int[] rows, int count, MemorySegment validity);

    @Override
    public FieldVector evaluate(ColumnBatch input, int[] rows, int count)
    {
        int physical = input.physicalRowCount();
        FieldVector result = result(physical);
        MemorySegment data = Vectors.data(result);
        writeValidity(input, rows, count, Vectors.validityAlways(result));
        if (selection.length < count) {
            selection = new int[Math.max(count, 64)];
        }
        int n = filter(input, rows, count, selection);
        Bitmaps.clearAll(data, physical);
        for (int i = 0; i < n; i++) {
            Bitmaps.set(data, selection[i]);
        }
        return result;
    }

    /** Validity = AND of the given vectors' validity (null entries mean constants, always present). */
    protected static void andValidity(MemorySegment target, int physical, FieldVector... vectors)
    {
        Bitmaps.setAll(target, physical);
        for (FieldVector vector : vectors) {
            if (vector != null) {
                Bitmaps.andInto(Vectors.validity(vector), target, physical);
            }
        }
    }
}
