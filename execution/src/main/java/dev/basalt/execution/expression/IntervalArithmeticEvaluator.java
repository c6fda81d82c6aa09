package dev.basalt.execution.expression;

import dev.basalt.execution.vector.Bitmaps;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.planner.evaluate.IntervalMath;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.BigintType;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DoubleType;
import dev.basalt.spi.type.IntervalType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import static java.util.Objects.requireNonNull;

/**
 * INTERVAL +/- INTERVAL, INTERVAL * BIGINT (exact), INTERVAL * DOUBLE and INTERVAL / DOUBLE, with the semantics of
 * {@link IntervalMath}. Arrow keeps an interval as (int months, int days, long nanos); nanos are truncated to
 * microseconds on input, as everywhere in Basalt, and the result's micros must fit in nanos.
 */
public final class IntervalArithmeticEvaluator
        extends Evaluator
{
    public enum Operation
    {
        ADD, SUBTRACT, MULTIPLY, DIVIDE
    }

    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED;

    private final Evaluator left;
    private final Evaluator right;
    private final Operation operation;
    /** One row's result, reused so the loop allocates nothing. */
    private final long[] scratch = new long[3];

    public IntervalArithmeticEvaluator(Operation operation, Evaluator left, Evaluator right, DataType type, BufferAllocator allocator)
    {
        super(type, allocator);
        this.operation = requireNonNull(operation, "operation is null");
        this.left = child(left);
        this.right = child(right);
        if (!(left.type() instanceof IntervalType)) {
            throw new IllegalArgumentException("left operand is not an INTERVAL: " + left.type());
        }
        boolean valid = switch (operation) {
            case ADD, SUBTRACT -> right.type() instanceof IntervalType;
            case MULTIPLY -> right.type() instanceof BigintType || right.type() instanceof DoubleType;
            case DIVIDE -> right.type() instanceof DoubleType;
        };
        if (!valid) {
            throw new IllegalArgumentException("unsupported INTERVAL " + operation + " operand " + right.type());
        }
    }

    @Override
    public FieldVector evaluate(ColumnBatch input, int[] rows, int count)
    {
        int physical = input.physicalRowCount();
        FieldVector intervals = left.evaluate(input, rows, count);
        FieldVector operands = right.evaluate(input, rows, count);
        FieldVector result = result(physical);
        MemorySegment validity = Vectors.validityAlways(result);
        Bitmaps.copy(Vectors.validity(intervals), validity, physical);
        Bitmaps.andInto(Vectors.validity(operands), validity, physical);
        MemorySegment in = Vectors.data(intervals);
        MemorySegment other = Vectors.data(operands);
        MemorySegment out = Vectors.data(result);
        boolean integralFactor = right.type() instanceof BigintType;
        long[] r = scratch;
        for (int i = 0; i < count; i++) {
            int p = rows == null ? i : rows[i];
            if (!Bitmaps.get(validity, p)) {
                continue;
            }
            long offset = 16L * p;
            int months = in.get(INT, offset);
            int days = in.get(INT, offset + 4);
            long micros = in.get(LONG, offset + 8) / 1000;
            switch (operation) {
                case ADD, SUBTRACT -> IntervalMath.add(months, days, micros, other.get(INT, offset), other.get(INT, offset + 4),
                        other.get(LONG, offset + 8) / 1000, operation == Operation.ADD ? 1 : -1, r);
                case MULTIPLY -> {
                    if (integralFactor) {
                        IntervalMath.multiply(months, days, micros, other.getAtIndex(LONG, p), r);
                    }
                    else {
                        IntervalMath.scale(months, days, micros, other.getAtIndex(DOUBLE, p), false, r);
                    }
                }
                case DIVIDE -> IntervalMath.scale(months, days, micros, other.getAtIndex(DOUBLE, p), true, r);
            }
            long resultMicros = r[IntervalMath.MICROS];
            if (resultMicros > Long.MAX_VALUE / 1000 || resultMicros < Long.MIN_VALUE / 1000) {
                throw new BasaltException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "interval out of range: " + resultMicros + " microseconds");
            }
            out.set(INT, offset, (int) r[IntervalMath.MONTHS]);
            out.set(INT, offset + 4, (int) r[IntervalMath.DAYS]);
            out.set(LONG, offset + 8, resultMicros * 1000);
        }
        return result;
    }
}
