package dev.basalt.execution.expression;

import dev.basalt.execution.vector.Bitmaps;
import dev.basalt.execution.vector.DecimalMath;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.spi.type.DoubleType;
import dev.basalt.spi.type.RealType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.math.BigInteger;

/**
 * ROUND(x[, digits]) (half away from zero, as DuckDB), FLOOR(x), CEIL(x) on DOUBLE, REAL, DECIMAL and integers.
 * A DECIMAL result is written at the result type's scale.
 */
public final class RoundingEvaluator
        extends Evaluator
{
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED;
    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED;

    public enum Mode
    {
        ROUND, FLOOR, CEIL
    }

    private final Mode mode;
    private final Evaluator operand;
    private final IntegralInput digits;
    private final long[] value = new long[2];

    public RoundingEvaluator(Mode mode, Evaluator operand, Evaluator digits, DataType type, BufferAllocator allocator)
    {
        super(type, allocator);
        this.mode = mode;
        this.operand = child(operand);
        this.digits = digits == null ? null : new IntegralInput(child(digits));
        if (type instanceof DecimalType != operand.type() instanceof DecimalType) {
            throw Errors.unsupported(mode + " from " + operand.type() + " to " + type);
        }
    }

    static double roundHalfAway(double x)
    {
        if (x < 0) {
            return -roundHalfAway(-x);
        }
        double floor = Math.floor(x);
        return x - floor >= 0.5 ? floor + 1 : floor;
    }

    static double roundToDigits(double x, long digits)
    {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return x;
        }
        if (digits >= 0) {
            double modifier = Math.pow(10, Math.min(digits, 308));
            double rounded = roundHalfAway(x * modifier) / modifier;
            return Double.isFinite(rounded) ? rounded : x;
        }
        double modifier = Math.pow(10, Math.min(-digits, 308));
        return roundHalfAway(x / modifier) * modifier;
    }

    @Override
    public FieldVector evaluate(ColumnBatch input, int[] rows, int count)
    {
        int physical = input.physicalRowCount();
        FieldVector vector = operand.evaluate(input, rows, count);
        if (digits != null) {
            digits.load(input, rows, count);
        }
        FieldVector result = result(physical);
        MemorySegment validity = Vectors.validityAlways(result);
        Bitmaps.copy(Vectors.validity(vector), validity, physical);
        MemorySegment in = Vectors.data(vector);
        MemorySegment out = Vectors.data(result);
        DataType inputType = operand.type();
        for (int i = 0; i < count; i++) {
            int p = rows == null ? i : rows[i];
            if (!Bitmaps.get(validity, p)) {
                continue;
            }
            long places = 0;
            if (digits != null) {
                if (digits.isNull(p)) {
                    Bitmaps.clear(validity, p);
                    continue;
                }
                places = digits.get(p);
            }
            switch (inputType) {
                case DoubleType t -> out.setAtIndex(DOUBLE, p, applyDouble(in.getAtIndex(DOUBLE, p), places));
                case RealType t -> out.setAtIndex(FLOAT, p, (float) applyDouble(in.getAtIndex(FLOAT, p), places));
                case DecimalType t -> roundDecimal(t, (DecimalType) type(), in, out, p, places);
                default -> roundIntegral(inputType, in, out, p, places);
            }
        }
        return result;
    }

    private double applyDouble(double x, long places)
    {
        return switch (mode) {
            case ROUND -> roundToDigits(x, places);
            case FLOOR -> Math.floor(x);
            case CEIL -> Math.ceil(x);
        };
    }

    private void roundIntegral(DataType inputType, MemorySegment in, MemorySegment out, int p, long places)
    {
        int width = Vectors.width(inputType);
        long x = switch (width) {
            case 2 -> in.getAtIndex(ValueLayout.JAVA_SHORT_UNALIGNED, p);
            case 4 -> in.getAtIndex(ValueLayout.JAVA_INT_UNALIGNED, p);
            default -> in.getAtIndex(LONG, p);
        };
        long r = x;
        if (mode == Mode.ROUND && places < 0) {
            int exponent = (int) Math.min(-places, 19);
            r = exponent > 18 ? 0 : Math.multiplyExact(DecimalMath.scaleDownRounded(x, exponent), DecimalMath.POWERS_OF_TEN[exponent]);
        }
        switch (Vectors.width(type())) {
            case 2 -> out.setAtIndex(ValueLayout.JAVA_SHORT_UNALIGNED, p, (short) r);
            case 4 -> out.setAtIndex(ValueLayout.JAVA_INT_UNALIGNED, p, (int) r);
            default -> out.setAtIndex(LONG, p, r);
        }
    }

    private void roundDecimal(DecimalType from, DecimalType to, MemorySegment in, MemorySegment out, int p, long places)
    {
        ColumnComparison.readDecimal(in, from, p, value);
        BigInteger unscaled = DecimalMath.toBigInteger(value[0], value[1]);
        int scale = from.scale();
        // Value at 'scale' digits -> rounded at 'target' digits -> rewritten at the result scale.
        long target = switch (mode) {
            case ROUND -> Math.min(places, scale);
            case FLOOR, CEIL -> 0;
        };
        BigInteger rounded;
        if (target >= scale) {
            rounded = unscaled;
            target = scale;
        }
        else {
            int exponent = (int) Math.min(scale - target, 76);
            BigInteger divisor = DecimalMath.bigPowerOfTen(exponent);
            BigInteger[] division = unscaled.divideAndRemainder(divisor);
            rounded = division[0];
            int remainderSign = division[1].signum();
            switch (mode) {
                case ROUND -> {
                    if (division[1].abs().shiftLeft(1).compareTo(divisor) >= 0) {
                        rounded = rounded.add(BigInteger.valueOf(remainderSign));
                    }
                }
                case FLOOR -> {
                    if (remainderSign < 0) {
                        rounded = rounded.subtract(BigInteger.ONE);
                    }
                }
                case CEIL -> {
                    if (remainderSign > 0) {
                        rounded = rounded.add(BigInteger.ONE);
                    }
                }
            }
        }
        long shift = to.scale() - target;
        if (shift >= 0) {
            rounded = rounded.multiply(DecimalMath.bigPowerOfTen((int) Math.min(shift, 76)));
        }
        else {
            BigInteger divisor = DecimalMath.bigPowerOfTen((int) Math.min(-shift, 76));
            BigInteger[] division = rounded.divideAndRemainder(divisor);
            rounded = division[0];
            if (division[1].abs().shiftLeft(1).compareTo(divisor) >= 0) {
                rounded = rounded.add(BigInteger.valueOf(division[1].signum()));
            }
        }
        if (!DecimalMath.fromBigInteger(rounded, value) || !DecimalMath.fits(value[0], value[1], to.precision())) {
            throw DecimalMath.outOfRange(to);
        }
        if (to.isShort()) {
            out.setAtIndex(LONG, p, value[1]);
        }
        else {
            out.setAtIndex(LONG, 2L * p, value[1]);
            out.setAtIndex(LONG, 2L * p + 1, value[0]);
        }
    }
}
