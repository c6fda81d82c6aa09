package dev.basalt.execution.expression;

import dev.basalt.execution.vector.Bitmaps;
import dev.basalt.execution.vector.DateTimes;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DateType;
import dev.basalt.spi.value.Interval;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * DATE_ADD / DATE_SUBTRACT(d, interval) on DATE or TIMESTAMP. Months are added first with the day clamped to the
 * month's length, then days, then the time part. A DATE result (interval without time part) stays in days; the
 * common constant-days interval is a plain integer addition.
 */
public final class DateArithmeticEvaluator
        extends Evaluator
{
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;

    private final Evaluator source;
    private final Evaluator interval;
    private final boolean subtract;
    private final boolean dateSource;
    private final boolean dateResult;
    private final Interval constantInterval;

    public DateArithmeticEvaluator(Evaluator source, Evaluator interval, boolean subtract, DataType type, BufferAllocator allocator)
    {
        super(type, allocator);
        this.source = child(source);
        this.interval = child(interval);
        this.subtract = subtract;
        this.dateSource = source.type() instanceof DateType;
        this.dateResult = type instanceof DateType;
        this.constantInterval = interval instanceof ConstantEvaluator c && !c.isNull() ? (Interval) c.value() : null;
    }

    @Override
    public FieldVector evaluate(ColumnBatch input, int[] rows, int count)
    {
        int physical = input.physicalRowCount();
        FieldVector value = source.evaluate(input, rows, count);
        FieldVector intervals = constantInterval == null ? interval.evaluate(input, rows, count) : null;
        FieldVector result = result(physical);
        MemorySegment validity = Vectors.validityAlways(result);
        Bitmaps.copy(Vectors.validity(value), validity, physical);
        if (intervals != null) {
            Bitmaps.andInto(Vectors.validity(intervals), validity, physical);
        }
        MemorySegment in = Vectors.data(value);
        MemorySegment intervalData = intervals == null ? null : Vectors.data(intervals);
        MemorySegment out = Vectors.data(result);
        int sign = subtract ? -1 : 1;
        for (int i = 0; i < count; i++) {
            int p = rows == null ? i : rows[i];
            if (!Bitmaps.get(validity, p)) {
                continue;
            }
            long months;
            long days;
            long micros;
            if (constantInterval != null) {
                months = constantInterval.months();
                days = constantInterval.days();
                micros = constantInterval.micros();
            }
            else {
                long offset = 16L * p;
                months = intervalData.get(INT, offset);
                days = intervalData.get(INT, offset + 4);
                micros = intervalData.get(LONG, offset + 8) / 1000;
            }
            months *= sign;
            days *= sign;
            micros *= sign;
            if (dateResult) {
                long day = in.getAtIndex(INT, p);
                long shifted;
                try {
                    shifted = Math.addExact(Math.addExact(DateTimes.addMonths(day, months), days), Math.floorDiv(micros, DateTimes.MICROS_PER_DAY));
                }
                catch (ArithmeticException e) {
                    throw DateTimes.dateOutOfRange();
                }
                if ((int) shifted != shifted) {
                    throw DateTimes.dateOutOfRange();
                }
                out.setAtIndex(INT, p, (int) shifted);
            }
            else {
                long start = dateSource ? in.getAtIndex(INT, p) * DateTimes.MICROS_PER_DAY : in.getAtIndex(LONG, p);
                out.setAtIndex(LONG, p, DateTimes.addToTimestamp(start, months, days, micros));
            }
        }
        return result;
    }
}
