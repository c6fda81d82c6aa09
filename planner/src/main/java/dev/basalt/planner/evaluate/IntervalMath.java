package dev.basalt.planner.evaluate;

import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.value.Interval;

/**
 * INTERVAL arithmetic with DuckDB's semantics, on primitive fields so the vectorized evaluator and the constant
 * folder share it without boxing. Results go into a caller-owned {@code long[3]} (months, days, micros).
 * Scaling by a fraction cascades the remainders down (a month is 30 days, a day 24 hours), as DuckDB does.
 */
public final class IntervalMath
{
    public static final int MONTHS = 0;
    public static final int DAYS = 1;
    public static final int MICROS = 2;

    private static final double DAYS_PER_MONTH = 30.0;
    private static final double SECONDS_PER_DAY = 86_400.0;
    private static final double MICROS_PER_SECOND = 1_000_000.0;

    private IntervalMath() {}

    /** {@code left + sign * right} field by field; sign is 1 or -1. */
    public static void add(int leftMonths, int leftDays, long leftMicros, int rightMonths, int rightDays, long rightMicros, int sign, long[] out)
    {
        try {
            if (sign > 0) {
                out[MONTHS] = Math.addExact(leftMonths, rightMonths);
                out[DAYS] = Math.addExact(leftDays, rightDays);
                out[MICROS] = Math.addExact(leftMicros, rightMicros);
            }
            else {
                out[MONTHS] = Math.subtractExact(leftMonths, rightMonths);
                out[DAYS] = Math.subtractExact(leftDays, rightDays);
                out[MICROS] = Math.subtractExact(leftMicros, rightMicros);
            }
        }
        catch (ArithmeticException e) {
            throw overflow(sign > 0 ? "addition" : "subtraction");
        }
    }

    public static void negate(int months, int days, long micros, long[] out)
    {
        try {
            out[MONTHS] = Math.negateExact(months);
            out[DAYS] = Math.negateExact(days);
            out[MICROS] = Math.negateExact(micros);
        }
        catch (ArithmeticException e) {
            throw overflow("negation");
        }
    }

    /** Exact multiplication by an integer, which (as in DuckDB) must fit an INTEGER. */
    public static void multiply(int months, int days, long micros, long factor, long[] out)
    {
        if ((int) factor != factor) {
            throw new BasaltException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "interval factor out of range for INTEGER: " + factor);
        }
        try {
            out[MONTHS] = Math.toIntExact(Math.multiplyExact(months, factor));
            out[DAYS] = Math.toIntExact(Math.multiplyExact(days, factor));
            out[MICROS] = Math.multiplyExact(micros, factor);
        }
        catch (ArithmeticException e) {
            throw overflow("multiplication");
        }
    }

    /**
     * Multiplication ({@code divide} false) or division by a floating point number. As in DuckDB (a port of
     * PostgreSQL's interval_mul; division multiplies by the reciprocal): whole months and days truncate toward zero,
     * their fractions cascade down (rounded to a microsecond of a day or second to hide floating point noise), and
     * a cascade of a full day or more moves into the days.
     */
    public static void scale(int months, int days, long micros, double factor, boolean divide, long[] out)
    {
        if (divide && factor == 0) {
            throw new BasaltException(ErrorCode.DIVISION_BY_ZERO, "division by zero");
        }
        double f = divide ? 1.0 / factor : factor;
        String operation = divide ? "division" : "multiplication";
        double scaledMonths = months * f;
        int resultMonths = toInt(scaledMonths, operation);
        double scaledDays = days * f;
        int resultDays = toInt(scaledDays, operation);
        double monthRemainder = roundToMicro((scaledMonths - resultMonths) * DAYS_PER_MONTH);
        int dayRemainder = (int) monthRemainder;
        double secondRemainder = roundToMicro((scaledDays - resultDays + monthRemainder - dayRemainder) * SECONDS_PER_DAY);
        try {
            if (Math.abs(secondRemainder) >= SECONDS_PER_DAY) {
                int wholeDays = (int) (secondRemainder / SECONDS_PER_DAY);
                resultDays = Math.addExact(resultDays, wholeDays);
                secondRemainder -= wholeDays * SECONDS_PER_DAY;
            }
            resultDays = Math.addExact(resultDays, dayRemainder);
        }
        catch (ArithmeticException e) {
            throw overflow(operation);
        }
        double resultMicros = Math.rint(micros * f + secondRemainder * MICROS_PER_SECOND);
        // 2^63 is exactly representable; anything at or beyond it does not fit a long (NaN fails both tests)
        if (!(resultMicros >= -0x1p63 && resultMicros < 0x1p63)) {
            throw overflow(operation);
        }
        out[MONTHS] = resultMonths;
        out[DAYS] = resultDays;
        out[MICROS] = (long) resultMicros;
    }

    private static int toInt(double value, String operation)
    {
        if (!(value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE)) {
            throw overflow(operation);
        }
        return (int) value;
    }

    /** PostgreSQL's TSROUND: rounds to six decimals, half to even. */
    private static double roundToMicro(double value)
    {
        return Math.rint(value * MICROS_PER_SECOND) / MICROS_PER_SECOND;
    }

    public static Interval toInterval(long[] out)
    {
        return new Interval((int) out[MONTHS], (int) out[DAYS], out[MICROS]);
    }

    private static BasaltException overflow(String operation)
    {
        return new BasaltException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "interval out of range in " + operation);
    }
}
