package dev.basalt.storage.zonemap;

import dev.basalt.spi.type.BigintType;
import dev.basalt.spi.type.BlobType;
import dev.basalt.spi.type.BooleanType;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DateType;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.spi.type.DoubleType;
import dev.basalt.spi.type.IntegerType;
import dev.basalt.spi.type.IntervalType;
import dev.basalt.spi.type.NullType;
import dev.basalt.spi.type.RealType;
import dev.basalt.spi.type.SmallintType;
import dev.basalt.spi.type.TimestampType;
import dev.basalt.spi.type.VarcharType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * The order zone maps use, per SQL type: numbers by value (floating point with -0.0 = 0.0 and NaN above
 * everything, as PostgreSQL and DuckDB sort), strings by Unicode code point (= UTF-8 byte order), dates and
 * timestamps chronologically.
 *
 * <p>Predicate bounds should be canonical values of the column type, but a bound of another numeric or
 * temporal class is still compared by value. Where the answer depends on how the engine would convert
 * (a BIGINT near 2^53 against a DOUBLE, a DECIMAL against a binary fraction), the result is
 * {@link #INCOMPARABLE} so that nothing is skipped.
 */
public final class ValueOrder
{
    /** The comparison cannot be decided safely: callers must not prune on it. */
    public static final int INCOMPARABLE = Integer.MIN_VALUE;

    private ValueOrder() {}

    /** Compares two canonical values of the same column type; INCOMPARABLE when they are not comparable. */
    public static int compare(DataType type, Object left, Object right)
    {
        return compareToBound(type, left, right);
    }

    /** Compares a canonical value of the column type with a predicate bound: negative, 0, positive or INCOMPARABLE. */
    public static int compareToBound(DataType type, Object value, Object bound)
    {
        if (value == null || bound == null) {
            return INCOMPARABLE;
        }
        return switch (type) {
            case BooleanType t -> value instanceof Boolean v && bound instanceof Boolean b ? Boolean.compare(v, b) : INCOMPARABLE;
            case SmallintType t -> compareIntegral(value, bound);
            case IntegerType t -> compareIntegral(value, bound);
            case BigintType t -> compareIntegral(value, bound);
            case DecimalType t -> value instanceof BigDecimal v ? compareDecimal(v, bound) : INCOMPARABLE;
            case RealType t -> compareFloating(value, bound, true);
            case DoubleType t -> compareFloating(value, bound, false);
            case VarcharType t -> value instanceof String v && bound instanceof String b ? sign(compareCodePoints(v, b)) : INCOMPARABLE;
            case DateType t -> compareDate(value, bound);
            case TimestampType t -> compareTimestamp(value, bound);
            case IntervalType t -> INCOMPARABLE;
            // no BLOB bounds are kept, so nothing is ever pruned on them
            case BlobType t -> INCOMPARABLE;
            case NullType t -> INCOMPARABLE;
        };
    }

    private static int sign(int value)
    {
        return Integer.signum(value);
    }

    private static boolean isIntegral(Object value)
    {
        return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte;
    }

    private static int compareIntegral(Object value, Object bound)
    {
        if (!isIntegral(value)) {
            return INCOMPARABLE;
        }
        long v = ((Number) value).longValue();
        return switch (bound) {
            case Long b -> Long.compare(v, b);
            case Integer b -> Long.compare(v, b);
            case Short b -> Long.compare(v, b);
            case Byte b -> Long.compare(v, b);
            case BigInteger b -> BigInteger.valueOf(v).compareTo(b);
            case BigDecimal b -> BigDecimal.valueOf(v).compareTo(b);
            case Double b -> compareExactWithDouble(new BigDecimal(v), (double) v, b);
            case Float b -> compareExactWithDouble(new BigDecimal(v), (double) v, b.doubleValue());
            default -> INCOMPARABLE;
        };
    }

    private static int compareDecimal(BigDecimal value, Object bound)
    {
        return switch (bound) {
            case BigDecimal b -> value.compareTo(b);
            case BigInteger b -> value.compareTo(new BigDecimal(b));
            case Long b -> value.compareTo(BigDecimal.valueOf(b));
            case Integer b -> value.compareTo(BigDecimal.valueOf(b));
            case Short b -> value.compareTo(BigDecimal.valueOf(b));
            case Byte b -> value.compareTo(BigDecimal.valueOf(b));
            case Double b -> compareExactWithDouble(value, value.doubleValue(), b);
            case Float b -> compareExactWithDouble(value, value.doubleValue(), b.doubleValue());
            default -> INCOMPARABLE;
        };
    }

    /**
     * An exact value against a double. Equal after rounding to double but different exactly means the
     * engine's conversion decides: INCOMPARABLE.
     */
    private static int compareExactWithDouble(BigDecimal exact, double rounded, double bound)
    {
        if (Double.isNaN(bound)) {
            return -1;
        }
        if (Double.isInfinite(bound)) {
            return bound > 0 ? -1 : 1;
        }
        int result = exact.compareTo(new BigDecimal(bound));
        if (result != 0 && rounded == bound) {
            return INCOMPARABLE;
        }
        return Integer.signum(result);
    }

    private static int compareFloating(Object value, Object bound, boolean real)
    {
        double v;
        if (value instanceof Double d) {
            v = d;
        }
        else if (value instanceof Float f) {
            v = f;
        }
        else {
            return INCOMPARABLE;
        }
        return switch (bound) {
            case Double b -> {
                int result = compareDoubles(v, b);
                // A REAL column against a DOUBLE bound: the engine may round the bound to REAL first.
                if (real && result != 0 && (float) v == (float) b.doubleValue()) {
                    yield INCOMPARABLE;
                }
                yield result;
            }
            case Float b -> compareDoubles(v, b.doubleValue());
            case BigDecimal b -> compareDoubleWithExact(v, b);
            case BigInteger b -> compareDoubleWithExact(v, new BigDecimal(b));
            case Long b -> compareDoubleWithExact(v, BigDecimal.valueOf(b));
            case Integer b -> compareDoubleWithExact(v, BigDecimal.valueOf(b));
            case Short b -> compareDoubleWithExact(v, BigDecimal.valueOf(b));
            case Byte b -> compareDoubleWithExact(v, BigDecimal.valueOf(b));
            default -> INCOMPARABLE;
        };
    }

    private static int compareDoubleWithExact(double value, BigDecimal bound)
    {
        if (Double.isNaN(value)) {
            return 1;
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? 1 : -1;
        }
        int result = new BigDecimal(value).compareTo(bound);
        if (result != 0 && value == bound.doubleValue()) {
            return INCOMPARABLE;
        }
        return Integer.signum(result);
    }

    /** Numeric order with -0.0 = 0.0 and NaN greater than everything (equal to itself). */
    public static int compareDoubles(double left, double right)
    {
        if (left < right) {
            return -1;
        }
        if (left > right) {
            return 1;
        }
        if (left == right) {
            return 0;
        }
        boolean leftNaN = Double.isNaN(left);
        boolean rightNaN = Double.isNaN(right);
        return leftNaN == rightNaN ? 0 : (leftNaN ? 1 : -1);
    }

    /** Code point order, which is the order of the UTF-8 bytes. */
    public static int compareCodePoints(String left, String right)
    {
        int length = Math.min(left.length(), right.length());
        for (int i = 0; i < length; i++) {
            char a = left.charAt(i);
            char b = right.charAt(i);
            if (a != b) {
                // Surrogates (U+D800..U+DFFF, i.e. code points above U+FFFF) sort after U+E000..U+FFFF.
                return fixup(a) - fixup(b);
            }
        }
        return left.length() - right.length();
    }

    private static int fixup(char c)
    {
        if (c >= 0xE000) {
            return c - 0x800;
        }
        if (c >= 0xD800) {
            return c + 0x2000;
        }
        return c;
    }

    private static int compareDate(Object value, Object bound)
    {
        if (!(value instanceof LocalDate v)) {
            return INCOMPARABLE;
        }
        return switch (bound) {
            case LocalDate b -> sign(v.compareTo(b));
            case LocalDateTime b -> sign(v.atStartOfDay().compareTo(b));
            default -> INCOMPARABLE;
        };
    }

    private static int compareTimestamp(Object value, Object bound)
    {
        if (!(value instanceof LocalDateTime v)) {
            return INCOMPARABLE;
        }
        return switch (bound) {
            case LocalDateTime b -> sign(v.compareTo(b));
            case LocalDate b -> sign(v.compareTo(b.atStartOfDay()));
            default -> INCOMPARABLE;
        };
    }
}
