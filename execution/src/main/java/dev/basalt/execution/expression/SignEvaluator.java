package dev.basalt.execution.expression;

import dev.basalt.execution.vector.Bitmaps;
import dev.basalt.execution.vector.DecimalMath;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.BigintType;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.spi.type.DoubleType;
import dev.basalt.spi.type.IntegerType;
import dev.basalt.spi.type.RealType;
import dev.basalt.spi.type.SmallintType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** SIGN(x): -1, 0 or 1 in x's type (a DECIMAL's 1 is 10^scale unscaled; a float's sign of NaN is NaN). */
public final class SignEvaluator
        extends Evaluator
{
    private final Evaluator operand;

    public SignEvaluator(Evaluator operand, DataType type, BufferAllocator allocator)
    {
        super(type, allocator);
        this.operand = child(operand);
        if (!operand.type().equals(type) || !type.isNumeric()) {
            throw new BasaltException(ErrorCode.DATATYPE_MISMATCH, "SIGN needs a numeric argument of the result type, got " + operand.type().sqlName());
        }
    }

    @Override
    public FieldVector evaluate(ColumnBatch input, int[] rows, int count)
    {
        int physical = input.physicalRowCount();
        FieldVector value = operand.evaluate(input, rows, count);
        FieldVector result = result(physical);
        Bitmaps.copy(Vectors.validity(value), Vectors.validityAlways(result), physical);
        MemorySegment in = Vectors.data(value);
        MemorySegment out = Vectors.data(result);
        DataType type = type();
        long one = type instanceof DecimalType decimal ? DecimalMath.POWERS_OF_TEN[Math.min(decimal.scale(), 18)] : 1;
        // 128-bit words (high, low) of +1 and -1 at a long decimal's scale
        long[] plus = new long[2];
        long[] minus = new long[2];
        if (type instanceof DecimalType decimal && !decimal.isShort()) {
            DecimalMath.fromBigInteger(DecimalMath.bigPowerOfTen(decimal.scale()), plus);
            DecimalMath.fromBigInteger(DecimalMath.bigPowerOfTen(decimal.scale()).negate(), minus);
        }
        for (int i = 0; i < count; i++) {
            int p = rows == null ? i : rows[i];
            switch (type) {
                case SmallintType t -> out.setAtIndex(ValueLayout.JAVA_SHORT_UNALIGNED, p, (short) Integer.signum(in.getAtIndex(ValueLayout.JAVA_SHORT_UNALIGNED, p)));
                case IntegerType t -> out.setAtIndex(ValueLayout.JAVA_INT_UNALIGNED, p, Integer.signum(in.getAtIndex(ValueLayout.JAVA_INT_UNALIGNED, p)));
                case BigintType t -> out.setAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, p, Long.signum(in.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, p)));
                case RealType t -> out.setAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED, p, Math.signum(in.getAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED, p)));
                case DoubleType t -> out.setAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, p, Math.signum(in.getAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, p)));
                case DecimalType t when t.isShort() -> out.setAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, p, one * Long.signum(in.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, p)));
                case DecimalType t -> {
                    long high = in.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, 2L * p + 1);
                    long low = in.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, 2L * p);
                    boolean zero = high == 0 && low == 0;
                    long[] words = high < 0 ? minus : plus;
                    out.setAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, 2L * p, zero ? 0 : words[1]);
                    out.setAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, 2L * p + 1, zero ? 0 : words[0]);
                }
                default -> throw new IllegalStateException("SIGN of " + type);
            }
        }
        return result;
    }
}
