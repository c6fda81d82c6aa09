package dev.basalt.execution.expression;

import dev.basalt.execution.vector.Bitmaps;
import dev.basalt.execution.vector.DateTimes;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DateType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** DATE_DIFF(a, b): a minus b in days (TIMESTAMPs are truncated to their day first). */
public final class DateDiffEvaluator
        extends Evaluator
{
    private final Evaluator left;
    private final Evaluator right;

    public DateDiffEvaluator(Evaluator left, Evaluator right, DataType type, BufferAllocator allocator)
    {
        super(type, allocator);
        this.left = child(left);
        this.right = child(right);
    }

    private static long day(MemorySegment data, boolean date, int position)
    {
        return date
                ? data.getAtIndex(ValueLayout.JAVA_INT_UNALIGNED, position)
                : Math.floorDiv(data.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, position), DateTimes.MICROS_PER_DAY);
    }

    @Override
    public FieldVector evaluate(ColumnBatch input, int[] rows, int count)
    {
        int physical = input.physicalRowCount();
        boolean leftDate = left.type() instanceof DateType;
        boolean rightDate = right.type() instanceof DateType;
        FieldVector a = left.evaluate(input, rows, count);
        FieldVector b = right.evaluate(input, rows, count);
        FieldVector result = result(physical);
        MemorySegment validity = Vectors.validityAlways(result);
        Bitmaps.and(Vectors.validity(a), Vectors.validity(b), validity, physical);
        MemorySegment aData = Vectors.data(a);
        MemorySegment bData = Vectors.data(b);
        MemorySegment out = Vectors.data(result);
        boolean bigint = Vectors.width(type()) == 8;
        for (int i = 0; i < count; i++) {
            int p = rows == null ? i : rows[i];
            long difference = day(aData, leftDate, p) - day(bData, rightDate, p);
            if (bigint) {
                out.setAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, p, difference);
            }
            else {
                out.setAtIndex(ValueLayout.JAVA_INT_UNALIGNED, p, (int) difference);
            }
        }
        return result;
    }
}
