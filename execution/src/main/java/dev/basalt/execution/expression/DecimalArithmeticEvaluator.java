package dev.basalt.execution.expression;

import dev.basalt.execution.kernels.KernelProvider;
import dev.basalt.execution.kernels.Kernels;
import dev.basalt.execution.vector.Bitmaps;
import dev.basalt.execution.vector.DecimalMath;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.type.DecimalType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.math.BigInteger;

/**
 * Exact DECIMAL +, -, *, /, %: ADD/SUBTRACT/MODULO rescale the operands up to the result scale, MULTIPLY's exact
 * product has the sum of the operand scales, DIVIDE rounds half away from zero. A result that does not fit the
 * result precision raises 22003; the check is skipped when the operand precisions prove it cannot fail.
 *
 * <p>Fast paths: short (64-bit) operands with a short result use the SIMD long kernels; short x short with a
 * 128-bit result (DECIMAL(15,2) * DECIMAL(16,2) = DECIMAL(31,4)) is one {@link Math#multiplyHigh} per row; the
 * general 128-bit path stays in long arithmetic while the operands fit 64 bits and uses BigInteger beyond.
 */
public final class DecimalArithmeticEvaluator
        extends Evaluator
{
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;

    private enum Path
    {
        SHORT_KERNEL, SHORT_TO_LONG_MULTIPLY, LONG_BY_SHORT_MULTIPLY, GENERAL
    }

    private final ArithmeticOperation operation;
    private final Evaluator left;
    private final Evaluator right;
    private final DecimalType leftType;
    private final DecimalType rightType;
    private final DecimalType resultType;
    private final boolean leftConstant;
    private final boolean rightConstant;
    /** Constant operands as (high, low), rescaled to the result scale for ADD/SUBTRACT/MODULO. */
    private final long[] leftValue = new long[2];
    private final long[] rightValue = new long[2];
    private final int leftShift;
    private final int rightShift;
    private final boolean checkPrecision;
    private final Path path;
    private final long[] x = new long[2];
    private final long[] y = new long[2];
    private final long[] r = new long[2];

    public DecimalArithmeticEvaluator(ArithmeticOperation operation, Evaluator left, Evaluator right, DecimalType resultType, BufferAllocator allocator)
    {
        super(resultType, allocator);
        this.operation = operation;
        this.left = child(left);
        this.right = child(right);
        this.leftType = (DecimalType) left.type();
        this.rightType = (DecimalType) right.type();
        this.resultType = resultType;
        this.leftConstant = left instanceof ConstantEvaluator;
        this.rightConstant = right instanceof ConstantEvaluator;
        boolean rescales = operation == ArithmeticOperation.ADD || operation == ArithmeticOperation.SUBTRACT || operation == ArithmeticOperation.MODULO;
        this.leftShift = rescales ? resultType.scale() - leftType.scale() : 0;
        this.rightShift = rescales ? resultType.scale() - rightType.scale() : 0;
        if (leftConstant) {
            constantValue((ConstantEvaluator) left, leftShift, leftValue);
        }
        if (rightConstant) {
            constantValue((ConstantEvaluator) right, rightShift, rightValue);
        }
        this.checkPrecision = !provablyFits();
        this.path = choosePath();
    }

    private void constantValue(ConstantEvaluator constant, int shift, long[] out)
    {
        BigInteger value = constant.unscaledValue();
        if (shift > 0) {
            value = value.multiply(DecimalMath.bigPowerOfTen(shift));
        }
        if (!DecimalMath.fromBigInteger(value, out)) {
            throw DecimalMath.outOfRange(resultType);
        }
    }

    private BigInteger maxMagnitude(Evaluator operand, DecimalType type, long[] constant, int shift)
    {
        if (operand instanceof ConstantEvaluator) {
            return DecimalMath.toBigInteger(constant[0], constant[1]).abs();
        }
        BigInteger max = DecimalMath.bigPowerOfTen(type.precision()).subtract(BigInteger.ONE);
        return shift > 0 ? max.multiply(DecimalMath.bigPowerOfTen(shift)) : max;
    }

    private boolean provablyFits()
    {
        if (leftShift < 0 || rightShift < 0) {
            return false;
        }
        BigInteger bound = DecimalMath.bigPowerOfTen(resultType.precision());
        BigInteger a = maxMagnitude(left, leftType, leftValue, leftShift);
        BigInteger b = maxMagnitude(right, rightType, rightValue, rightShift);
        return switch (operation) {
            case ADD, SUBTRACT -> a.add(b).compareTo(bound) < 0;
            case MULTIPLY -> resultType.scale() == leftType.scale() + rightType.scale() && a.multiply(b).compareTo(bound) < 0;
            case MODULO -> a.min(b).compareTo(bound) < 0;
            case DIVIDE -> false;
        };
    }

    private Path choosePath()
    {
        boolean shortOperands = leftType.isShort() && rightType.isShort() && DecimalMath.isLong(leftValue[0], leftValue[1])
                && DecimalMath.isLong(rightValue[0], rightValue[1]);
        if (!shortOperands) {
            boolean oneLongOneShort = leftType.isShort() != rightType.isShort();
            if (operation == ArithmeticOperation.MULTIPLY && oneLongOneShort && !resultType.isShort()
                    && resultType.scale() == leftType.scale() + rightType.scale()
                    && !(leftType.isShort() ? rightConstant : leftConstant)) {
                return Path.LONG_BY_SHORT_MULTIPLY;
            }
            return Path.GENERAL;
        }
        if (resultType.isShort()
                && (operation == ArithmeticOperation.ADD || operation == ArithmeticOperation.SUBTRACT)
                && (leftConstant || leftShift == 0) && (rightConstant || rightShift == 0)) {
            return Path.SHORT_KERNEL;
        }
        if (operation == ArithmeticOperation.MULTIPLY && resultType.scale() == leftType.scale() + rightType.scale()) {
            return resultType.isShort() ? Path.SHORT_KERNEL : Path.SHORT_TO_LONG_MULTIPLY;
        }
        return Path.GENERAL;
    }

    @Override
    public FieldVector evaluate(ColumnBatch input, int[] rows, int count)
    {
        int physical = input.physicalRowCount();
        FieldVector a = leftConstant ? null : left.evaluate(input, rows, count);
        FieldVector b = rightConstant ? null : right.evaluate(input, rows, count);
        FieldVector result = result(physical);
        MemorySegment validity = Vectors.validityAlways(result);
        Bitmaps.setAll(validity, physical);
        if (a != null) {
            Bitmaps.andInto(Vectors.validity(a), validity, physical);
        }
        if (b != null) {
            Bitmaps.andInto(Vectors.validity(b), validity, physical);
        }
        MemorySegment aData = a == null ? null : Vectors.data(a);
        MemorySegment bData = b == null ? null : Vectors.data(b);
        MemorySegment out = Vectors.data(result);
        switch (path) {
            case SHORT_KERNEL -> {
                boolean dense = (rows == null || 2 * count >= physical) && (aData != null || bData != null);
                if (!dense || shortKernel(aData, bData, out, physical)) {
                    general(aData, bData, out, validity, rows, count);
                }
                else if (checkPrecision) {
                    checkShortPrecision(out, validity, rows, count);
                }
            }
            case SHORT_TO_LONG_MULTIPLY -> shortToLongMultiply(aData, bData, out, validity, rows, count);
            case LONG_BY_SHORT_MULTIPLY -> {
                boolean leftWide = !leftType.isShort();
                longByShortMultiply(leftWide ? aData : bData, leftWide ? bData : aData, leftWide ? rightValue[1] : leftValue[1], out, validity, rows, count);
            }
            case GENERAL -> general(aData, bData, out, validity, rows, count);
        }
        return result;
    }

    /** Kernel over all physical rows; true when the live rows need the exact (checking) loop. */
    private boolean shortKernel(MemorySegment a, MemorySegment b, MemorySegment out, int physical)
    {
        KernelProvider kernels = Kernels.get();
        long leftLong = leftValue[1];
        long rightLong = rightValue[1];
        return switch (operation) {
            case ADD -> a == null ? kernels.addLongConstant(b, leftLong, out, physical)
                    : b == null ? kernels.addLongConstant(a, rightLong, out, physical)
                    : kernels.addLong(a, b, out, physical);
            case SUBTRACT -> a == null ? kernels.constantSubtractLong(leftLong, b, out, physical)
                    : b == null ? kernels.subtractLongConstant(a, rightLong, out, physical)
                    : kernels.subtractLong(a, b, out, physical);
            case MULTIPLY -> a == null ? kernels.multiplyLongConstant(b, leftLong, out, physical)
                    : b == null ? kernels.multiplyLongConstant(a, rightLong, out, physical)
                    : kernels.multiplyLong(a, b, out, physical);
            case DIVIDE, MODULO -> true;
        };
    }

    private void checkShortPrecision(MemorySegment out, MemorySegment validity, int[] rows, int count)
    {
        int precision = resultType.precision();
        for (int i = 0; i < count; i++) {
            int p = rows == null ? i : rows[i];
            if (!DecimalMath.fits(out.getAtIndex(LONG, p), precision) && Bitmaps.get(validity, p)) {
                throw DecimalMath.outOfRange(resultType);
            }
        }
    }

    private void shortToLongMultiply(MemorySegment a, MemorySegment b, MemorySegment out, MemorySegment validity, int[] rows, int count)
    {
        long leftLong = leftValue[1];
        long rightLong = rightValue[1];
        int precision = resultType.precision();
        for (int i = 0; i < count; i++) {
            int p = rows == null ? i : rows[i];
            long u = a == null ? leftLong : a.getAtIndex(LONG, p);
            long v = b == null ? rightLong : b.getAtIndex(LONG, p);
            long high = Math.multiplyHigh(u, v);
            long low = u * v;
            if (checkPrecision && Bitmaps.get(validity, p) && !DecimalMath.fits(high, low, precision)) {
                throw DecimalMath.outOfRange(resultType);
            }
            out.setAtIndex(LONG, 2L * p, low);
            out.setAtIndex(LONG, 2L * p + 1, high);
        }
    }

    /**
     * 128-bit x 64-bit: while the wide operand fits 64 bits (the usual case, e.g. DECIMAL(31,4) * DECIMAL(16,2)) the
     * product is one multiplyHigh and fits 126 bits, so below 10^38 needs no check; otherwise the exact slow path.
     */
    private void longByShortMultiply(MemorySegment wide, MemorySegment narrow, long narrowConstant, MemorySegment out, MemorySegment validity, int[] rows, int count)
    {
        int precision = resultType.precision();
        boolean checkFast = checkPrecision && precision < 38;
        for (int i = 0; i < count; i++) {
            int p = rows == null ? i : rows[i];
            long low = wide.getAtIndex(LONG, 2L * p);
            long high = wide.getAtIndex(LONG, 2L * p + 1);
            long v = narrow == null ? narrowConstant : narrow.getAtIndex(LONG, p);
            long resultHigh;
            long resultLow;
            if (high == (low >> 63)) {
                resultHigh = Math.multiplyHigh(low, v);
                resultLow = low * v;
                if (checkFast && Bitmaps.get(validity, p) && !DecimalMath.fits(resultHigh, resultLow, precision)) {
                    throw DecimalMath.outOfRange(resultType);
                }
            }
            else {
                if (!Bitmaps.get(validity, p)) {
                    continue;
                }
                if (!DecimalMath.multiply(high, low, v >> 63, v, r) || !DecimalMath.fits(r[0], r[1], precision)) {
                    throw DecimalMath.outOfRange(resultType);
                }
                resultHigh = r[0];
                resultLow = r[1];
            }
            out.setAtIndex(LONG, 2L * p, resultLow);
            out.setAtIndex(LONG, 2L * p + 1, resultHigh);
        }
    }

    private static void read(MemorySegment data, DecimalType type, int position, long[] out)
    {
        ColumnComparison.readDecimal(data, type, position, out);
    }

    private void general(MemorySegment a, MemorySegment b, MemorySegment out, MemorySegment validity, int[] rows, int count)
    {
        int precision = resultType.precision();
        boolean shortResult = resultType.isShort();
        for (int i = 0; i < count; i++) {
            int p = rows == null ? i : rows[i];
            if (!Bitmaps.get(validity, p)) {
                continue;
            }
            if (a == null) {
                x[0] = leftValue[0];
                x[1] = leftValue[1];
            }
            else {
                read(a, leftType, p, x);
                if (leftShift > 0 && !DecimalMath.scaleUp(x[0], x[1], leftShift, x)) {
                    throw DecimalMath.outOfRange(resultType);
                }
            }
            if (b == null) {
                y[0] = rightValue[0];
                y[1] = rightValue[1];
            }
            else {
                read(b, rightType, p, y);
                if (rightShift > 0 && !DecimalMath.scaleUp(y[0], y[1], rightShift, y)) {
                    throw DecimalMath.outOfRange(resultType);
                }
            }
            boolean ok = switch (operation) {
                case ADD -> DecimalMath.add(x[0], x[1], y[0], y[1], r);
                case SUBTRACT -> DecimalMath.subtract(x[0], x[1], y[0], y[1], r);
                case MULTIPLY -> multiply();
                case DIVIDE -> divide();
                case MODULO -> modulo();
            };
            if (!ok || !DecimalMath.fits(r[0], r[1], precision)) {
                throw DecimalMath.outOfRange(resultType);
            }
            if (shortResult) {
                out.setAtIndex(LONG, p, r[1]);
            }
            else {
                out.setAtIndex(LONG, 2L * p, r[1]);
                out.setAtIndex(LONG, 2L * p + 1, r[0]);
            }
        }
    }

    private boolean multiply()
    {
        if (!DecimalMath.multiply(x[0], x[1], y[0], y[1], r)) {
            return false;
        }
        int productScale = leftType.scale() + rightType.scale();
        int shift = resultType.scale() - productScale;
        if (shift > 0) {
            return DecimalMath.scaleUp(r[0], r[1], shift, r);
        }
        if (shift < 0) {
            DecimalMath.scaleDownRounded(r[0], r[1], -shift, r);
        }
        return true;
    }

    private boolean divide()
    {
        if (y[0] == 0 && y[1] == 0) {
            throw Errors.divisionByZero();
        }
        // value = (x / 10^sx) / (y / 10^sy); unscaled at scale s: x * 10^(s - sx + sy) / y.
        int exponent = resultType.scale() - leftType.scale() + rightType.scale();
        if (exponent >= 0 && exponent <= 18 && DecimalMath.isLong(x[0], x[1]) && DecimalMath.isLong(y[0], y[1])) {
            long factor = DecimalMath.POWERS_OF_TEN[exponent];
            long high = Math.multiplyHigh(x[1], factor);
            long low = x[1] * factor;
            if (high == (low >> 63) && !(low == Long.MIN_VALUE && y[1] == -1)) {
                long q = DecimalMath.divideRounded(low, y[1]);
                r[0] = q >> 63;
                r[1] = q;
                return true;
            }
        }
        BigInteger numerator = DecimalMath.toBigInteger(x[0], x[1]);
        BigInteger divisor = DecimalMath.toBigInteger(y[0], y[1]);
        if (exponent >= 0) {
            numerator = numerator.multiply(DecimalMath.bigPowerOfTen(exponent));
        }
        else {
            divisor = divisor.multiply(DecimalMath.bigPowerOfTen(-exponent));
        }
        BigInteger[] division = numerator.divideAndRemainder(divisor);
        BigInteger quotient = division[0];
        if (division[1].abs().shiftLeft(1).compareTo(divisor.abs()) >= 0) {
            quotient = quotient.add(BigInteger.valueOf(numerator.signum() * divisor.signum()));
        }
        return DecimalMath.fromBigInteger(quotient, r);
    }

    private boolean modulo()
    {
        if (y[0] == 0 && y[1] == 0) {
            throw Errors.divisionByZero();
        }
        if (DecimalMath.isLong(x[0], x[1]) && DecimalMath.isLong(y[0], y[1])) {
            long m = y[1] == -1 ? 0 : x[1] % y[1];
            r[0] = m >> 63;
            r[1] = m;
            return true;
        }
        return DecimalMath.fromBigInteger(DecimalMath.toBigInteger(x[0], x[1]).remainder(DecimalMath.toBigInteger(y[0], y[1])), r);
    }
}
