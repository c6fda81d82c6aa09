package dev.basalt.execution.expression;

import dev.basalt.execution.vector.Bitmaps;
import dev.basalt.execution.vector.DateTimes;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DateType;
import dev.basalt.spi.type.IntervalType;
import dev.basalt.spi.type.TimestampType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * TIMESTAMP_DIFF(a, b) = a - b as an INTERVAL of whole days plus the remaining microseconds (both with the sign of
 * the difference, no months), as DuckDB's timestamp subtraction. DATE operands count as midnight.
 */
public final class TimestampDiffEvaluator
        extends Evaluator
{
    private final Evaluator left;
    private final Evaluator right;

    public TimestampDiffEvaluator(Evaluator left, Evaluator right, DataType type, BufferAllocator allocator)
    {
        super(type, allocator);
        this.left = child(left);
        this.right = child(right);
        for (Evaluator operand : new Evaluator[] {left, right}) {
            if (!(operand.type() instanceof TimestampType || operand.type() instanceof DateType)) {
                throw new BasaltException(ErrorCode.DATATYPE_MISMATCH, "timestamp difference needs TIMESTAMP operands, got " + operand.type().sqlName());
            }
        }
        if (!(type instanceof IntervalType)) {
            throw new BasaltException(ErrorCode.DATATYPE_MISMATCH, "timestamp difference returns INTERVAL, not " + type.sqlName());
        }
    }

    @Override
    public FieldVector evaluate(ColumnBatch input, int[] rows, int count)
    {
        int physical = input.physicalRowCount();
        FieldVector a = left.evaluate(input, rows, count);
        FieldVector b = right.evaluate(input, rows, count);
        FieldVector result = result(physical);
        MemorySegment validity = Vectors.validityAlways(result);
        Bitmaps.copy(Vectors.validity(a), validity, physical);
        Bitmaps.andInto(Vectors.validity(b), validity, physical);
        MemorySegment aData = Vectors.data(a);
        MemorySegment bData = Vectors.data(b);
        boolean aDate = left.type() instanceof DateType;
        boolean bDate = right.type() instanceof DateType;
        MemorySegment out = Vectors.data(result);
        for (int i = 0; i < count; i++) {
            int p = rows == null ? i : rows[i];
            if (!Bitmaps.get(validity, p)) {
                continue;
            }
            long x = aDate ? aData.getAtIndex(ValueLayout.JAVA_INT_UNALIGNED, p) * DateTimes.MICROS_PER_DAY : aData.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, p);
            long y = bDate ? bData.getAtIndex(ValueLayout.JAVA_INT_UNALIGNED, p) * DateTimes.MICROS_PER_DAY : bData.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, p);
            long difference;
            try {
                difference = Math.subtractExact(x, y);
            }
            catch (ArithmeticException e) {
                throw new BasaltException(ErrorCode.DATETIME_FIELD_OVERFLOW, "interval out of range");
            }
            long days = difference / DateTimes.MICROS_PER_DAY;
            long micros = difference % DateTimes.MICROS_PER_DAY;
            // IntervalMonthDayNano: months (int), days (int), nanoseconds (long)
            out.set(ValueLayout.JAVA_INT_UNALIGNED, 16L * p, 0);
            out.set(ValueLayout.JAVA_INT_UNALIGNED, 16L * p + 4, (int) days);
            out.set(ValueLayout.JAVA_LONG_UNALIGNED, 16L * p + 8, micros * 1000);
        }
        return result;
    }
}
