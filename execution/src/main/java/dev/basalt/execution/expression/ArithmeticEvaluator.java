package dev.basalt.execution.expression;

import dev.basalt.execution.kernels.KernelProvider;
import dev.basalt.execution.kernels.Kernels;
import dev.basalt.execution.vector.Bitmaps;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.type.BigintType;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DoubleType;
import dev.basalt.spi.type.IntegerType;
import dev.basalt.spi.type.RealType;
import dev.basalt.spi.type.SmallintType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * +, -, *, /, % on SMALLINT, INTEGER, BIGINT, REAL and DOUBLE (both operands have the result type). Integer
 * overflow raises 22003, a zero divisor 22012. Dense BIGINT and DOUBLE batches go through the SIMD kernels
 * (computing every physical row; an overflow flag triggers an exact re-check of the live rows), the rest through
 * exact scalar loops over the visited rows. Constant operands stay scalars.
 */
public final class ArithmeticEvaluator
        extends Evaluator
{
    private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED;
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED;
    private static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED;

    private final ArithmeticOperation operation;
    private final Evaluator left;
    private final Evaluator right;
    private final boolean leftConstant;
    private final boolean rightConstant;
    private final long leftLong;
    private final long rightLong;
    private final double leftDouble;
    private final double rightDouble;
    /** 2, 4 or 8 for integers; 0 for floating point. */
    private final int width;
    private final boolean real;

    public ArithmeticEvaluator(ArithmeticOperation operation, Evaluator left, Evaluator right, DataType type, BufferAllocator allocator)
    {
        super(type, allocator);
        this.operation = operation;
        this.left = child(left);
        this.right = child(right);
        this.leftConstant = left instanceof ConstantEvaluator;
        this.rightConstant = right instanceof ConstantEvaluator;
        this.width = switch (type) {
            case SmallintType t -> 2;
            case IntegerType t -> 4;
            case BigintType t -> 8;
            case RealType t -> 0;
            case DoubleType t -> 0;
            default -> throw new IllegalArgumentException("arithmetic on " + type);
        };
        this.real = type instanceof RealType;
        boolean floating = width == 0;
        this.leftLong = leftConstant && !floating ? ((ConstantEvaluator) left).longValue() : 0;
        this.rightLong = rightConstant && !floating ? ((ConstantEvaluator) right).longValue() : 0;
        this.leftDouble = leftConstant && floating ? ((ConstantEvaluator) left).doubleValue() : 0;
        this.rightDouble = rightConstant && floating ? ((ConstantEvaluator) right).doubleValue() : 0;
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
        boolean dense = (rows == null || 2 * count >= physical) && (a != null || b != null);
        if (width == 0) {
            evaluateFloating(aData, bData, out, validity, rows, count, physical, dense);
        }
        else if (width == 8 && dense && operation.ordinal() <= ArithmeticOperation.MULTIPLY.ordinal()) {
            if (longKernel(aData, bData, out, physical)) {
                evaluateIntegral(aData, bData, out, validity, rows, count);
            }
        }
        else {
            evaluateIntegral(aData, bData, out, validity, rows, count);
        }
        return result;
    }

    /** Runs the SIMD kernel over all physical rows; true when some row may have overflowed. */
    private boolean longKernel(MemorySegment a, MemorySegment b, MemorySegment out, int physical)
    {
        KernelProvider kernels = Kernels.get();
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
            case DIVIDE, MODULO -> throw new IllegalStateException("no kernel for " + operation);
        };
    }

    private static long read(MemorySegment data, int width, int position)
    {
        return switch (width) {
            case 2 -> data.getAtIndex(SHORT, position);
            case 4 -> data.getAtIndex(INT, position);
            default -> data.getAtIndex(LONG, position);
        };
    }

    private void evaluateIntegral(MemorySegment a, MemorySegment b, MemorySegment out, MemorySegment validity, int[] rows, int count)
    {
        try {
            for (int i = 0; i < count; i++) {
                int p = rows == null ? i : rows[i];
                if (!Bitmaps.get(validity, p)) {
                    continue;
                }
                long x = a == null ? leftLong : read(a, width, p);
                long y = b == null ? rightLong : read(b, width, p);
                long r = switch (operation) {
                    case ADD -> Math.addExact(x, y);
                    case SUBTRACT -> Math.subtractExact(x, y);
                    case MULTIPLY -> Math.multiplyExact(x, y);
                    case DIVIDE -> {
                        if (y == 0) {
                            throw Errors.divisionByZero();
                        }
                        yield Math.divideExact(x, y);
                    }
                    case MODULO -> {
                        if (y == 0) {
                            throw Errors.divisionByZero();
                        }
                        yield x % y;
                    }
                };
                switch (width) {
                    case 2 -> {
                        if ((short) r != r) {
                            throw Errors.outOfRange(type());
                        }
                        out.setAtIndex(SHORT, p, (short) r);
                    }
                    case 4 -> {
                        if ((int) r != r) {
                            throw Errors.outOfRange(type());
                        }
                        out.setAtIndex(INT, p, (int) r);
                    }
                    default -> out.setAtIndex(LONG, p, r);
                }
            }
        }
        catch (ArithmeticException e) {
            throw Errors.outOfRange(type());
        }
    }

    private void evaluateFloating(MemorySegment a, MemorySegment b, MemorySegment out, MemorySegment validity, int[] rows, int count, int physical, boolean dense)
    {
        if (operation == ArithmeticOperation.DIVIDE || operation == ArithmeticOperation.MODULO) {
            checkDivisors(b, validity, rows, count);
        }
        if (!real && dense && operation != ArithmeticOperation.MODULO && !(operation == ArithmeticOperation.DIVIDE && (a == null || b == null))) {
            KernelProvider kernels = Kernels.get();
            switch (operation) {
                case ADD -> {
                    if (a == null) {
                        kernels.addDoubleConstant(b, leftDouble, out, physical);
                    }
                    else if (b == null) {
                        kernels.addDoubleConstant(a, rightDouble, out, physical);
                    }
                    else {
                        kernels.addDouble(a, b, out, physical);
                    }
                }
                case SUBTRACT -> {
                    if (a == null) {
                        kernels.constantSubtractDouble(leftDouble, b, out, physical);
                    }
                    else if (b == null) {
                        kernels.subtractDoubleConstant(a, rightDouble, out, physical);
                    }
                    else {
                        kernels.subtractDouble(a, b, out, physical);
                    }
                }
                case MULTIPLY -> {
                    if (a == null) {
                        kernels.multiplyDoubleConstant(b, leftDouble, out, physical);
                    }
                    else if (b == null) {
                        kernels.multiplyDoubleConstant(a, rightDouble, out, physical);
                    }
                    else {
                        kernels.multiplyDouble(a, b, out, physical);
                    }
                }
                case DIVIDE -> kernels.divideDouble(a, b, out, physical);
                case MODULO -> throw new IllegalStateException();
            }
            return;
        }
        for (int i = 0; i < count; i++) {
            int p = rows == null ? i : rows[i];
            double x = a == null ? leftDouble : real ? a.getAtIndex(FLOAT, p) : a.getAtIndex(DOUBLE, p);
            double y = b == null ? rightDouble : real ? b.getAtIndex(FLOAT, p) : b.getAtIndex(DOUBLE, p);
            double r = switch (operation) {
                case ADD -> x + y;
                case SUBTRACT -> x - y;
                case MULTIPLY -> x * y;
                case DIVIDE -> x / y;
                case MODULO -> x % y;
            };
            if (real) {
                out.setAtIndex(FLOAT, p, (float) r);
            }
            else {
                out.setAtIndex(DOUBLE, p, r);
            }
        }
    }

    private void checkDivisors(MemorySegment b, MemorySegment validity, int[] rows, int count)
    {
        if (b == null) {
            if (rightDouble == 0) {
                for (int i = 0; i < count; i++) {
                    if (Bitmaps.get(validity, rows == null ? i : rows[i])) {
                        throw Errors.divisionByZero();
                    }
                }
            }
            return;
        }
        for (int i = 0; i < count; i++) {
            int p = rows == null ? i : rows[i];
            double y = real ? b.getAtIndex(FLOAT, p) : b.getAtIndex(DOUBLE, p);
            if (y == 0 && Bitmaps.get(validity, p)) {
                throw Errors.divisionByZero();
            }
        }
    }
}
