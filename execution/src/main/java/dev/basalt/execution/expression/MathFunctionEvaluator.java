package dev.basalt.execution.expression;

import dev.basalt.execution.vector.Bitmaps;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.planner.expression.Function;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DoubleType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * POWER(x, y), SQRT, LN, LOG10, EXP on DOUBLE (strict). As in PostgreSQL, LN/LOG10 of zero or a negative number
 * raise 2201E; SQRT of a negative number, zero to a negative power and a negative number to a non-integer power
 * raise 2201F; overflow follows IEEE (infinity).
 */
public final class MathFunctionEvaluator
        extends Evaluator
{
    private static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED;

    private final Function function;
    private final Evaluator operand;
    private final Evaluator exponent;

    public MathFunctionEvaluator(Function function, Evaluator operand, Evaluator exponent, DataType type, BufferAllocator allocator)
    {
        super(type, allocator);
        this.function = function;
        this.operand = child(operand);
        this.exponent = exponent == null ? null : child(exponent);
        requireDouble(operand);
        if (exponent != null) {
            requireDouble(exponent);
        }
    }

    private static void requireDouble(Evaluator evaluator)
    {
        if (!(evaluator.type() instanceof DoubleType)) {
            throw new BasaltException(ErrorCode.DATATYPE_MISMATCH, "math functions take DOUBLE arguments, got " + evaluator.type().sqlName());
        }
    }

    @Override
    public FieldVector evaluate(ColumnBatch input, int[] rows, int count)
    {
        int physical = input.physicalRowCount();
        FieldVector base = operand.evaluate(input, rows, count);
        FieldVector power = exponent == null ? null : exponent.evaluate(input, rows, count);
        FieldVector result = result(physical);
        MemorySegment validity = Vectors.validityAlways(result);
        Bitmaps.copy(Vectors.validity(base), validity, physical);
        if (power != null) {
            MemorySegment powerValidity = Vectors.validity(power);
            if (powerValidity != null) {
                Bitmaps.andInto(powerValidity, validity, physical);
            }
        }
        MemorySegment x = Vectors.data(base);
        MemorySegment y = power == null ? null : Vectors.data(power);
        MemorySegment out = Vectors.data(result);
        for (int i = 0; i < count; i++) {
            int p = rows == null ? i : rows[i];
            if (!Bitmaps.get(validity, p)) {
                continue;
            }
            double value = x.getAtIndex(DOUBLE, p);
            double computed = switch (function) {
                case POWER -> power(value, y.getAtIndex(DOUBLE, p));
                case SQRT -> {
                    if (value < 0) {
                        throw new BasaltException(ErrorCode.INVALID_ARGUMENT_FOR_POWER_FUNCTION, "cannot take square root of a negative number");
                    }
                    yield Math.sqrt(value);
                }
                case LN -> Math.log(checkLogarithm(value));
                case LOG10 -> Math.log10(checkLogarithm(value));
                case EXP -> Math.exp(value);
                default -> throw new IllegalStateException("not a math function: " + function);
            };
            out.setAtIndex(DOUBLE, p, computed);
        }
        return result;
    }

    /** PostgreSQL's domain errors (2201F) instead of IEEE infinity/NaN for finite arguments. */
    private static double power(double base, double exponent)
    {
        if (base == 0 && exponent < 0) {
            throw new BasaltException(ErrorCode.INVALID_ARGUMENT_FOR_POWER_FUNCTION, "zero raised to a negative power is undefined");
        }
        if (base < 0 && Double.isFinite(base) && Double.isFinite(exponent) && Math.rint(exponent) != exponent) {
            throw new BasaltException(ErrorCode.INVALID_ARGUMENT_FOR_POWER_FUNCTION, "a negative number raised to a non-integer power yields a complex result");
        }
        return Math.pow(base, exponent);
    }

    private static double checkLogarithm(double value)
    {
        if (value == 0) {
            throw new BasaltException(ErrorCode.INVALID_ARGUMENT_FOR_LOGARITHM, "cannot take logarithm of zero");
        }
        if (value < 0) {
            throw new BasaltException(ErrorCode.INVALID_ARGUMENT_FOR_LOGARITHM, "cannot take logarithm of a negative number");
        }
        return value;
    }
}
