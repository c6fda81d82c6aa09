package dev.basalt.execution.vector;

import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DecimalType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Exact arithmetic on unscaled decimals: short ones as {@code long}, long ones as 128-bit two's complement
 * {@code (high, low)} pairs (the layout of Arrow's DecimalVector: low word first). Fast paths stay in 64-bit
 * arithmetic and detect exactness with {@link Math#multiplyHigh}; the rest falls back to BigInteger.
 */
public final class DecimalMath
{
    public static final long[] POWERS_OF_TEN = new long[19];
    private static final BigInteger[] BIG_POWERS_OF_TEN = new BigInteger[77];
    /** 10^p as (high, low) for p in 0..38: the exclusive bound of a DECIMAL(p, s) unscaled value. */
    private static final long[] BOUND_HIGH = new long[39];
    private static final long[] BOUND_LOW = new long[39];
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    static {
        long power = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
        for (int i = 0; i < BIG_POWERS_OF_TEN.length; i++) {
            BIG_POWERS_OF_TEN[i] = BigInteger.TEN.pow(i);
        }
        for (int p = 0; p <= 38; p++) {
            BigInteger bound = BIG_POWERS_OF_TEN[p];
            BOUND_HIGH[p] = bound.shiftRight(64).longValue();
            BOUND_LOW[p] = bound.longValue();
        }
    }

    private DecimalMath() {}

    public static BigInteger bigPowerOfTen(int exponent)
    {
        return BIG_POWERS_OF_TEN[exponent];
    }

    public static BasaltException outOfRange(DecimalType type)
    {
        return new BasaltException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range for " + type.sqlName());
    }

    public static BasaltException outOfRange(String what)
    {
        return new BasaltException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, what + " out of range");
    }

    // ---- 64-bit ------------------------------------------------------------------------------------------

    /** True when |value| < 10^precision (precision <= 18). */
    public static boolean fits(long value, int precision)
    {
        long bound = POWERS_OF_TEN[precision];
        return value < bound && value > -bound;
    }

    /** value * 10^exponent, or fails with 22003 when it does not fit a long. */
    public static long scaleUp(long value, int exponent, DecimalType type)
    {
        if (exponent == 0) {
            return value;
        }
        if (exponent >= POWERS_OF_TEN.length) {
            if (value == 0) {
                return 0;
            }
            throw outOfRange(type);
        }
        long factor = POWERS_OF_TEN[exponent];
        long high = Math.multiplyHigh(value, factor);
        long low = value * factor;
        if (high != (low >> 63)) {
            throw outOfRange(type);
        }
        return low;
    }

    /** value / 10^exponent rounded half away from zero. */
    public static long scaleDownRounded(long value, int exponent)
    {
        if (exponent == 0) {
            return value;
        }
        if (exponent >= POWERS_OF_TEN.length) {
            return 0;
        }
        long factor = POWERS_OF_TEN[exponent];
        long quotient = value / factor;
        long remainder = value % factor;
        if (Math.abs(remainder) * 2 >= factor) {
            quotient += value < 0 ? -1 : 1;
        }
        return quotient;
    }

    /** numerator / divisor rounded half away from zero (divisor != 0; no overflow for |divisor| > 1 or small values). */
    public static long divideRounded(long numerator, long divisor)
    {
        long quotient = numerator / divisor;
        long remainder = numerator % divisor;
        // |remainder| < |divisor| <= 2^63, compare without doubling to avoid overflow.
        long absRemainder = Math.abs(remainder);
        long absDivisor = Math.abs(divisor);
        if (remainder != 0 && absRemainder >= absDivisor - absRemainder) {
            quotient += (numerator < 0) == (divisor < 0) ? 1 : -1;
        }
        return quotient;
    }

    // ---- 128-bit -----------------------------------------------------------------------------------------

    /** True when (high, low) is the sign extension of low, i.e. the value fits a long. */
    public static boolean isLong(long high, long low)
    {
        return high == (low >> 63);
    }

    /** True when |(high, low)| < 10^precision (precision <= 38). */
    public static boolean fits(long high, long low, int precision)
    {
        long absHigh = high;
        long absLow = low;
        if (high < 0) {
            absLow = -low;
            absHigh = ~high + (low == 0 ? 1 : 0);
            if (absHigh < 0) {
                return false;
            }
        }
        long boundHigh = BOUND_HIGH[precision];
        return absHigh < boundHigh || absHigh == boundHigh && Long.compareUnsigned(absLow, BOUND_LOW[precision]) < 0;
    }

    public static int compare(long highA, long lowA, long highB, long lowB)
    {
        int c = Long.compare(highA, highB);
        return c != 0 ? c : Long.compareUnsigned(lowA, lowB);
    }

    public static BigInteger toBigInteger(long high, long low)
    {
        if (isLong(high, low)) {
            return BigInteger.valueOf(low);
        }
        return BigInteger.valueOf(high).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(low)));
    }

    /** Writes value into out as {high, low}; returns false when it does not fit 128 bits. */
    public static boolean fromBigInteger(BigInteger value, long[] out)
    {
        if (value.bitLength() > 127) {
            return false;
        }
        out[0] = value.shiftRight(64).longValue();
        out[1] = value.longValue();
        return true;
    }

    public static boolean isLong(BigInteger value)
    {
        return value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0;
    }

    /** out = a + b; returns false on 128-bit overflow. */
    public static boolean add(long highA, long lowA, long highB, long lowB, long[] out)
    {
        long low = lowA + lowB;
        long carry = Long.compareUnsigned(low, lowA) < 0 ? 1 : 0;
        long high = highA + highB + carry;
        // Overflow iff both operands have the same sign and the result's sign differs (carry included).
        boolean overflow = ((highA ^ high) & (highB ^ high)) < 0;
        out[0] = high;
        out[1] = low;
        return !overflow;
    }

    /** out = a - b; returns false on 128-bit overflow. */
    public static boolean subtract(long highA, long lowA, long highB, long lowB, long[] out)
    {
        long low = lowA - lowB;
        long borrow = Long.compareUnsigned(lowA, lowB) < 0 ? 1 : 0;
        long high = highA - highB - borrow;
        boolean overflow = ((highA ^ highB) & (highA ^ high)) < 0;
        out[0] = high;
        out[1] = low;
        return !overflow;
    }

    /** out = a * b (exact when it fits 128 bits); returns false on overflow. */
    public static boolean multiply(long highA, long lowA, long highB, long lowB, long[] out)
    {
        if (isLong(highA, lowA) && isLong(highB, lowB)) {
            out[0] = Math.multiplyHigh(lowA, lowB);
            out[1] = lowA * lowB;
            return true;
        }
        return fromBigInteger(toBigInteger(highA, lowA).multiply(toBigInteger(highB, lowB)), out);
    }

    /** out = value * 10^exponent; returns false on overflow. */
    public static boolean scaleUp(long high, long low, int exponent, long[] out)
    {
        if (exponent == 0) {
            out[0] = high;
            out[1] = low;
            return true;
        }
        if (exponent <= 18 && isLong(high, low)) {
            long factor = POWERS_OF_TEN[exponent];
            out[0] = Math.multiplyHigh(low, factor);
            out[1] = low * factor;
            return true;
        }
        if (exponent > 76) {
            out[0] = 0;
            out[1] = 0;
            return high == 0 && low == 0;
        }
        return fromBigInteger(toBigInteger(high, low).multiply(BIG_POWERS_OF_TEN[exponent]), out);
    }

    /** out = value / 10^exponent rounded half away from zero. */
    public static void scaleDownRounded(long high, long low, int exponent, long[] out)
    {
        if (isLong(high, low)) {
            long result = scaleDownRounded(low, exponent);
            out[0] = result >> 63;
            out[1] = result;
            return;
        }
        if (exponent > 76) {
            out[0] = 0;
            out[1] = 0;
            return;
        }
        BigInteger value = toBigInteger(high, low);
        BigInteger[] division = value.divideAndRemainder(BIG_POWERS_OF_TEN[exponent]);
        BigInteger quotient = division[0];
        if (division[1].abs().shiftLeft(1).compareTo(BIG_POWERS_OF_TEN[exponent]) >= 0) {
            quotient = quotient.add(BigInteger.valueOf(value.signum()));
        }
        fromBigInteger(quotient, out);
    }

    /** The unscaled value of a decimal at a scale, rounding half away from zero; null when it does not fit 128 bits. */
    public static BigInteger unscaled(BigDecimal value, int scale)
    {
        BigInteger unscaled = value.setScale(scale, RoundingMode.HALF_UP).unscaledValue();
        return unscaled.bitLength() > 127 ? null : unscaled;
    }
}
