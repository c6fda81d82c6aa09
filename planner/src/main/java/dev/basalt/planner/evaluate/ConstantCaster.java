package dev.basalt.planner.evaluate;

import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
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
import dev.basalt.spi.value.Blobs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Optional;

/**
 * Casts one canonical value (see {@link dev.basalt.spi.value.Values}) at planning time, with the semantics
 * execution implements: text is trimmed; DECIMAL to integer and to a smaller scale rounds half away from zero;
 * floating point to integer rounds half to even; out of range raises 22003, bad text 22P02/22007.
 * Throws {@link NotFoldableException} for conversions it does not compute here (left to execution).
 */
public final class ConstantCaster
{
    private ConstantCaster() {}

    public static Object cast(Object value, DataType from, DataType to)
    {
        if (value == null) {
            return null;
        }
        if (from.equals(to)) {
            return value;
        }
        return switch (to) {
            case NullType t -> throw new NotFoldableException("cast to NULL");
            case BooleanType t -> toBoolean(value, from);
            case SmallintType t -> (short) toIntegral(value, from, Short.MIN_VALUE, Short.MAX_VALUE, t);
            case IntegerType t -> (int) toIntegral(value, from, Integer.MIN_VALUE, Integer.MAX_VALUE, t);
            case BigintType t -> toIntegral(value, from, Long.MIN_VALUE, Long.MAX_VALUE, t);
            case RealType t -> toReal(value, from, t);
            case DoubleType t -> toDouble(value, from, t);
            case DecimalType t -> toDecimal(value, from, t);
            case VarcharType t -> toVarchar(value, from, t);
            case BlobType t -> {
                if (from instanceof VarcharType) {
                    yield Blobs.fromText((String) value);
                }
                throw new NotFoldableException("cast " + from + " to BLOB");
            }
            case DateType t -> switch (from) {
                case VarcharType v -> DateTimeParser.parseDate((String) value);
                case TimestampType s -> ((LocalDateTime) value).toLocalDate();
                default -> throw new NotFoldableException("cast " + from + " to DATE");
            };
            case TimestampType t -> switch (from) {
                case VarcharType v -> DateTimeParser.parseTimestamp((String) value);
                case DateType d -> ((LocalDate) value).atStartOfDay();
                default -> throw new NotFoldableException("cast " + from + " to TIMESTAMP");
            };
            case IntervalType t -> {
                if (from instanceof VarcharType) {
                    yield DateTimeParser.parseInterval((String) value);
                }
                throw new NotFoldableException("cast " + from + " to INTERVAL");
            }
        };
    }

    /**
     * The value converted to {@code to} when that loses nothing (the same number, the same text), else empty.
     * Used to type a constant like the other side of a comparison instead of widening the column.
     */
    public static Optional<Object> castExactly(Object value, DataType from, DataType to)
    {
        if (value == null || from.equals(to)) {
            return Optional.ofNullable(value);
        }
        if (from.isNumeric() && to.isNumeric()) {
            try {
                Object converted = cast(value, from, to);
                if (exactNumber(value).compareTo(exactNumber(converted)) == 0) {
                    return Optional.of(converted);
                }
                return Optional.empty();
            }
            catch (RuntimeException e) {
                return Optional.empty();
            }
        }
        if (from instanceof VarcharType && to instanceof VarcharType) {
            return Optional.of(value);
        }
        return Optional.empty();
    }

    private static BigDecimal exactNumber(Object value)
    {
        return switch (value) {
            case BigDecimal d -> d;
            case Double d -> new BigDecimal(d);
            case Float f -> new BigDecimal(f.doubleValue());
            case Number n -> BigDecimal.valueOf(n.longValue());
            default -> throw new IllegalArgumentException("not a number: " + value);
        };
    }

    private static Boolean toBoolean(Object value, DataType from)
    {
        if (from.isIntegral()) {
            return ((Number) value).longValue() != 0;
        }
        if (from instanceof VarcharType) {
            return switch (((String) value).trim().toLowerCase(Locale.ROOT)) {
                case "true", "t", "yes", "y", "on", "1" -> true;
                case "false", "f", "no", "n", "off", "0" -> false;
                default -> throw new BasaltException(ErrorCode.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type boolean: \"" + value + "\"");
            };
        }
        throw new NotFoldableException("cast " + from + " to BOOLEAN");
    }

    private static long toIntegral(Object value, DataType from, long min, long max, DataType to)
    {
        BigDecimal exact = switch (from) {
            case BooleanType b -> BigDecimal.valueOf(((Boolean) value) ? 1 : 0);
            case SmallintType s -> BigDecimal.valueOf(((Number) value).longValue());
            case IntegerType i -> BigDecimal.valueOf(((Number) value).longValue());
            case BigintType b -> BigDecimal.valueOf(((Number) value).longValue());
            case DecimalType d -> ((BigDecimal) value).setScale(0, RoundingMode.HALF_UP);
            case RealType r -> floatingToInteger(((Number) value).doubleValue(), to);
            case DoubleType d -> floatingToInteger((Double) value, to);
            case VarcharType v -> parseInteger((String) value, to);
            default -> throw new NotFoldableException("cast " + from + " to " + to);
        };
        if (exact.compareTo(BigDecimal.valueOf(min)) < 0 || exact.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw outOfRange(value, to);
        }
        return exact.longValueExact();
    }

    private static BigDecimal floatingToInteger(double value, DataType to)
    {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw outOfRange(value, to);
        }
        return new BigDecimal(Math.rint(value));
    }

    private static BigDecimal parseInteger(String text, DataType to)
    {
        String trimmed = text.trim();
        if (!trimmed.matches("[+-]?\\d+")) {
            throw new BasaltException(ErrorCode.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type " + to.sqlName() + ": \"" + text + "\"");
        }
        return new BigDecimal(trimmed.startsWith("+") ? trimmed.substring(1) : trimmed);
    }

    private static double toDouble(Object value, DataType from, DataType to)
    {
        return switch (from) {
            case SmallintType s -> ((Number) value).doubleValue();
            case IntegerType i -> ((Number) value).doubleValue();
            case BigintType b -> ((Number) value).doubleValue();
            case RealType r -> ((Number) value).doubleValue();
            case DoubleType d -> (Double) value;
            case DecimalType d -> ((BigDecimal) value).doubleValue();
            case VarcharType v -> parseDouble((String) value, to);
            default -> throw new NotFoldableException("cast " + from + " to " + to);
        };
    }

    private static double parseDouble(String text, DataType to)
    {
        String trimmed = text.trim();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "nan":
                return Double.NaN;
            case "inf", "infinity", "+inf", "+infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf", "-infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        if (!trimmed.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?")) {
            throw new BasaltException(ErrorCode.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type " + to.sqlName() + ": \"" + text + "\"");
        }
        return Double.parseDouble(trimmed);
    }

    private static BigDecimal toDecimal(Object value, DataType from, DecimalType to)
    {
        BigDecimal decimal = switch (from) {
            case SmallintType s -> BigDecimal.valueOf(((Number) value).longValue());
            case IntegerType i -> BigDecimal.valueOf(((Number) value).longValue());
            case BigintType b -> BigDecimal.valueOf(((Number) value).longValue());
            case DecimalType d -> (BigDecimal) value;
            case RealType r -> finiteDecimal(((Number) value).doubleValue(), to);
            case DoubleType d -> finiteDecimal((Double) value, to);
            case VarcharType v -> {
                String trimmed = ((String) value).trim();
                if (!trimmed.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?")) {
                    throw new BasaltException(ErrorCode.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type " + to.sqlName() + ": \"" + value + "\"");
                }
                yield new BigDecimal(trimmed);
            }
            default -> throw new NotFoldableException("cast " + from + " to " + to);
        };
        BigDecimal scaled = decimal.setScale(to.scale(), RoundingMode.HALF_UP);
        if (scaled.precision() - scaled.scale() > to.precision() - to.scale() && scaled.signum() != 0) {
            throw outOfRange(value, to);
        }
        return scaled;
    }

    private static BigDecimal finiteDecimal(double value, DataType to)
    {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw outOfRange(value, to);
        }
        return BigDecimal.valueOf(value);
    }

    private static String toVarchar(Object value, DataType from, VarcharType to)
    {
        String text = switch (from) {
            case VarcharType v -> (String) value;
            case BooleanType b -> ((Boolean) value) ? "true" : "false";
            case SmallintType s -> value.toString();
            case IntegerType i -> value.toString();
            case BigintType b -> value.toString();
            case DecimalType d -> ((BigDecimal) value).toPlainString();
            case DateType d -> value.toString();
            case BlobType b -> Blobs.toText((byte[]) value);
            // floating point and interval text formats are execution's business
            default -> throw new NotFoldableException("cast " + from + " to VARCHAR");
        };
        if (to.isBounded() && text.codePointCount(0, text.length()) > to.length()) {
            throw new NotFoldableException("text longer than " + to);
        }
        return text;
    }

    /** A finite DOUBLE beyond REAL's range is an error (22003), not Infinity; infinities and NaN carry over. */
    private static float toReal(Object value, DataType from, RealType to)
    {
        double wide = toDouble(value, from, to);
        float narrowed = (float) wide;
        if (Float.isInfinite(narrowed) && !Double.isInfinite(wide)) {
            throw outOfRange(value, to);
        }
        return narrowed;
    }

    private static BasaltException outOfRange(Object value, DataType to)
    {
        return new BasaltException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "value " + value + " is out of range for type " + to.sqlName());
    }
}
