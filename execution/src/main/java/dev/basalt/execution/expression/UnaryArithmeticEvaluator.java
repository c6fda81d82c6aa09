package dev.basalt.execution.expression;

import dev.basalt.execution.vector.Bitmaps;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.type.BigintType;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.spi.type.DoubleType;
import dev.basalt.spi.type.IntegerType;
import dev.basalt.spi.type.IntervalType;
import dev.basalt.spi.type.RealType;
import dev.basalt.spi.type.SmallintType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** NEGATE and ABS on numeric types (and NEGATE on INTERVAL); overflow (e.g. -(-2^63)) raises 22003. */
public final class UnaryArithmeticEvaluator
        extends Evaluator
{
    private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED;
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED;
    private static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED;

    private final Evaluator operand;
    private final boolean negate;

    public UnaryArithmeticEvaluator(Evaluator operand, boolean negate, DataType type, BufferAllocator allocator)
    {
        super(type, allocator);
        this.operand = child(operand);
        this.negate = negate;
    }

    @Override
    public FieldVector evaluate(ColumnBatch input, int[] rows, int count)
    {
        int physical = input.physicalRowCount();
        FieldVector value = operand.evaluate(input, rows, count);
        FieldVector result = result(physical);
        MemorySegment validity = Vectors.validityAlways(result);
        Bitmaps.copy(Vectors.validity(value), validity, physical);
        MemorySegment in = Vectors.data(value);
        MemorySegment out = Vectors.data(result);
        DataType type = type();
        try {
            for (int i = 0; i < count; i++) {
                int p = rows == null ? i : rows[i];
                if (!Bitmaps.get(validity, p)) {
                    continue;
                }
                switch (type) {
                    case SmallintType t -> {
                        int v = in.getAtIndex(SHORT, p);
                        int r = negate ? -v : Math.abs(v);
                        if ((short) r != r) {
                            throw Errors.outOfRange(type);
                        }
                        out.setAtIndex(SHORT, p, (short) r);
                    }
                    case IntegerType t -> {
                        int v = in.getAtIndex(INT, p);
                        out.setAtIndex(INT, p, negate ? Math.negateExact(v) : Math.absExact(v));
                    }
                    case BigintType t -> {
                        long v = in.getAtIndex(LONG, p);
                        out.setAtIndex(LONG, p, negate ? Math.negateExact(v) : Math.absExact(v));
                    }
                    case RealType t -> {
                        float v = in.getAtIndex(FLOAT, p);
                        out.setAtIndex(FLOAT, p, negate ? -v : Math.abs(v));
                    }
                    case DoubleType t -> {
                        double v = in.getAtIndex(DOUBLE, p);
                        out.setAtIndex(DOUBLE, p, negate ? -v : Math.abs(v));
                    }
                    case DecimalType t when t.isShort() -> {
                        long v = in.getAtIndex(LONG, p);
                        out.setAtIndex(LONG, p, negate || v < 0 ? -v : v);
                    }
                    case DecimalType t -> {
                        long low = in.getAtIndex(LONG, 2L * p);
                        long high = in.getAtIndex(LONG, 2L * p + 1);
                        if (negate || high < 0) {
                            long newLow = -low;
                            high = ~high + (low == 0 ? 1 : 0);
                            low = newLow;
                        }
                        out.setAtIndex(LONG, 2L * p, low);
                        out.setAtIndex(LONG, 2L * p + 1, high);
                    }
                    case IntervalType t -> {
                        long offset = 16L * p;
                        int months = in.get(ValueLayout.JAVA_INT_UNALIGNED, offset);
                        int days = in.get(ValueLayout.JAVA_INT_UNALIGNED, offset + 4);
                        long nanos = in.get(LONG, offset + 8);
                        out.set(ValueLayout.JAVA_INT_UNALIGNED, offset, Math.negateExact(months));
                        out.set(ValueLayout.JAVA_INT_UNALIGNED, offset + 4, Math.negateExact(days));
                        out.set(LONG, offset + 8, Math.negateExact(nanos));
                    }
                    default -> throw Errors.unsupported((negate ? "negation" : "ABS") + " of " + type);
                }
            }
        }
        catch (ArithmeticException e) {
            throw Errors.outOfRange(type);
        }
        return result;
    }
}
