package dev.basalt.execution.expression;

import dev.basalt.planner.expression.Function;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.BigintType;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DoubleType;
import dev.basalt.spi.type.IntegerType;
import dev.basalt.spi.type.SmallintType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.util.DecimalUtility;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * The math library (strict): DOUBLE functions LOG2 (2201E for zero or negative, like LN), CBRT, DEGREES, RADIANS,
 * SIN, COS, TAN, COT, ASIN, ACOS, ATAN (NaN outside the domain, as DuckDB), ATAN2(y, x), EVEN (away from zero to
 * the next even integer), ISNAN/ISINF/ISFINITE (BOOLEAN), TRUNC(x[, n]) toward zero (DOUBLE, or an integer type with
 * n digits, n may be negative); integer functions GCD/LCM (BIGINT, 22003 on overflow), BIT_COUNT (bits of the
 * operand's own width) and FACTORIAL (DECIMAL(38,0); 22003 beyond 33!, negative arguments too).
 */
public final class NumericFunctionEvaluator
        extends RowFunctionEvaluator
{
    private static final BigInteger MAX_FACTORIAL = BigInteger.TEN.pow(38);

    private final Function function;
    private final int operandBits;

    public NumericFunctionEvaluator(Function function, List<Evaluator> operands, DataType type, BufferAllocator allocator)
    {
        super(operands, true, type, allocator);
        this.function = function;
        this.operandBits = switch (operands.getFirst().type()) {
            case SmallintType s -> 16;
            case IntegerType i -> 32;
            case BigintType b -> 64;
            default -> 64;
        };
    }

    @Override
    protected void compute(int p)
    {
        switch (function) {
            case ISNAN -> setBoolean(p, Double.isNaN(doubleAt(0, p)));
            case ISINF -> setBoolean(p, Double.isInfinite(doubleAt(0, p)));
            case ISFINITE -> setBoolean(p, Double.isFinite(doubleAt(0, p)));
            case GCD -> setLong(p, gcd(longAt(0, p), longAt(1, p)));
            case LCM -> setLong(p, lcm(longAt(0, p), longAt(1, p)));
            case BIT_COUNT -> {
                long value = longAt(0, p);
                setLong(p, operandBits == 64 ? Long.bitCount(value) : Long.bitCount(value & ((1L << operandBits) - 1)));
            }
            case FACTORIAL -> setFactorial(p, longAt(0, p));
            case TRUNC -> {
                if (operandCount() > 1 && !(type() instanceof DoubleType)) {
                    setLong(p, truncInteger(longAt(0, p), longAt(1, p)));
                }
                else {
                    setDouble(p, operandCount() > 1 ? truncDouble(doubleAt(0, p), longAt(1, p)) : truncate(doubleAt(0, p)));
                }
            }
            default -> setDouble(p, unary(doubleAt(0, p), p));
        }
    }

    private double unary(double x, int p)
    {
        return switch (function) {
            case LOG2 -> {
                if (x == 0) {
                    throw new BasaltException(ErrorCode.INVALID_ARGUMENT_FOR_LOGARITHM, "cannot take logarithm of zero");
                }
                if (x < 0) {
                    throw new BasaltException(ErrorCode.INVALID_ARGUMENT_FOR_LOGARITHM, "cannot take logarithm of a negative number");
                }
                // exact for powers of two (log2(8) = 3, as C's log2); Java has no log2
                if ((Double.doubleToRawLongBits(x) & 0x000F_FFFF_FFFF_FFFFL) == 0 && Math.getExponent(x) >= Double.MIN_EXPONENT
                        && Double.isFinite(x)) {
                    yield Math.getExponent(x);
                }
                yield Math.log(x) / Math.log(2);
            }
            case CBRT -> Math.cbrt(x);
            case DEGREES -> Math.toDegrees(x);
            case RADIANS -> Math.toRadians(x);
            case SIN -> Math.sin(x);
            case COS -> Math.cos(x);
            case TAN -> Math.tan(x);
            case COT -> 1.0 / Math.tan(x);
            case ASIN -> Math.asin(x);
            case ACOS -> Math.acos(x);
            case ATAN -> Math.atan(x);
            case ATAN2 -> Math.atan2(x, doubleAt(1, p));
            case EVEN -> {
                double away = x < 0 ? Math.floor(x) : Math.ceil(x);
                yield Math.rint(away / 2) * 2 == away ? away : away + (x < 0 ? -1 : 1);
            }
            default -> throw new IllegalStateException("not a math function: " + function);
        };
    }

    private static double truncate(double x)
    {
        return x < 0 ? Math.ceil(x) : Math.floor(x);
    }

    private static double truncDouble(double x, long digits)
    {
        if (!Double.isFinite(x) || digits > 300) {
            return x;
        }
        if (digits < -300) {
            return 0;
        }
        double factor = Math.pow(10, digits);
        return truncate(x * factor) / factor;
    }

    private static long truncInteger(long x, long digits)
    {
        if (digits >= 0) {
            return x;
        }
        if (digits < -18) {
            return 0;
        }
        long factor = 1;
        for (long i = 0; i < -digits; i++) {
            factor *= 10;
        }
        return x - x % factor;
    }

    private static long gcd(long a, long b)
    {
        if (a == Long.MIN_VALUE || b == Long.MIN_VALUE) {
            throw outOfRange("gcd");
        }
        a = Math.abs(a);
        b = Math.abs(b);
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    private static long lcm(long a, long b)
    {
        if (a == 0 || b == 0) {
            return 0;
        }
        long divisor = gcd(a, b);
        try {
            return Math.abs(Math.multiplyExact(a / divisor, b));
        }
        catch (ArithmeticException e) {
            throw outOfRange("lcm");
        }
    }

    private void setFactorial(int p, long n)
    {
        if (n < 0) {
            throw new BasaltException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "factorial of a negative number is undefined");
        }
        if (n > 33) {
            throw outOfRange("factorial");
        }
        BigInteger value = BigInteger.ONE;
        for (long i = 2; i <= n; i++) {
            value = value.multiply(BigInteger.valueOf(i));
        }
        if (value.compareTo(MAX_FACTORIAL) >= 0) {
            throw outOfRange("factorial");
        }
        setDecimal(p, new BigDecimal(value));
    }

    private static BasaltException outOfRange(String name)
    {
        return new BasaltException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, name + " value is out of range");
    }

    private void setDecimal(int p, BigDecimal value)
    {
        FieldVector vector = resultVector();
        DecimalUtility.writeBigDecimalToArrowBuf(value, vector.getDataBuffer(), p, 16);
        setValid(p);
    }
}
