package dev.basalt.planner.evaluate;

import dev.basalt.planner.expression.Function;
import dev.basalt.spi.type.BigintType;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DateType;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.spi.type.DoubleType;
import dev.basalt.spi.type.IntegerType;
import dev.basalt.spi.type.IntervalType;
import dev.basalt.spi.type.RealType;
import dev.basalt.spi.type.SmallintType;
import dev.basalt.spi.type.TimestampType;
import dev.basalt.spi.value.Interval;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;

/**
 * Computes a scalar {@link Function} on constant, non-null canonical arguments (typed as the {@link Function}
 * contract says), for constant folding. Anything that would raise an error at run time (overflow, division by
 * zero, bad argument) throws {@link NotFoldableException} instead, so the error surfaces at execution, only if
 * the expression is really evaluated.
 */
public final class ConstantEvaluator
{
    private ConstantEvaluator() {}

    public static Object evaluate(Function function, List<Object> arguments, List<DataType> argumentTypes, DataType resultType)
    {
        try {
            return switch (function) {
                case ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULO -> arithmetic(function, arguments.get(0), arguments.get(1), resultType);
                case NEGATE -> negate(arguments.getFirst(), resultType);
                case ABS -> ValueComparator.compare(arguments.getFirst(), zero(resultType)) < 0 ? negate(arguments.getFirst(), resultType) : arguments.getFirst();
                case EQUAL -> ValueComparator.compare(arguments.get(0), arguments.get(1)) == 0;
                case NOT_EQUAL, IS_DISTINCT_FROM -> ValueComparator.compare(arguments.get(0), arguments.get(1)) != 0;
                case IS_NOT_DISTINCT_FROM -> ValueComparator.compare(arguments.get(0), arguments.get(1)) == 0;
                case LESS_THAN -> ValueComparator.compare(arguments.get(0), arguments.get(1)) < 0;
                case LESS_THAN_OR_EQUAL -> ValueComparator.compare(arguments.get(0), arguments.get(1)) <= 0;
                case GREATER_THAN -> ValueComparator.compare(arguments.get(0), arguments.get(1)) > 0;
                case GREATER_THAN_OR_EQUAL -> ValueComparator.compare(arguments.get(0), arguments.get(1)) >= 0;
                case NOT -> !(Boolean) arguments.getFirst();
                case IS_NULL -> false;
                case IS_NOT_NULL -> true;
                case AND, OR, COALESCE -> throw new NotFoldableException("handled by the folding rule");
                case NULLIF -> ValueComparator.compare(arguments.get(0), arguments.get(1)) == 0 ? null : arguments.get(0);
                case CONCAT -> {
                    if (resultType instanceof dev.basalt.spi.type.BlobType) {
                        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                        for (Object argument : arguments) {
                            bytes.writeBytes((byte[]) argument);
                        }
                        yield bytes.toByteArray();
                    }
                    StringBuilder out = new StringBuilder();
                    for (Object argument : arguments) {
                        out.append((String) argument);
                    }
                    yield out.toString();
                }
                case SUBSTRING -> substring((String) arguments.get(0), ((Number) arguments.get(1)).longValue(),
                        arguments.size() > 2 ? ((Number) arguments.get(2)).longValue() : null);
                case UPPER -> ((String) arguments.getFirst()).toUpperCase(Locale.ROOT);
                case LOWER -> ((String) arguments.getFirst()).toLowerCase(Locale.ROOT);
                case LENGTH -> (long) ((String) arguments.getFirst()).codePointCount(0, ((String) arguments.getFirst()).length());
                case TRIM, LTRIM, RTRIM -> trim(function, (String) arguments.getFirst(), arguments.size() > 1 ? (String) arguments.get(1) : " ");
                case ROUND, FLOOR, CEIL -> rounding(function, arguments, resultType);
                case DATE_PART -> datePart((String) arguments.get(0), arguments.get(1), resultType);
                case DATE_ADD -> dateAdd(arguments.get(0), (Interval) arguments.get(1), resultType);
                case DATE_SUBTRACT -> dateAdd(arguments.get(0), ((Interval) arguments.get(1)).negate(), resultType);
                case DATE_DIFF -> ChronoUnit.DAYS.between((LocalDate) arguments.get(1), (LocalDate) arguments.get(0));
                // functions of the SQL issue are computed at run time only
                case DATE_TRUNC, STRPOS, REPLACE, LPAD, RPAD, STARTS_WITH, ENDS_WITH, REGEXP_MATCHES, REGEXP_REPLACE,
                     SPLIT_PART, REVERSE, LEFT, RIGHT, REPEAT, POWER, SQRT, LN, LOG10, EXP, SIGN, GREATEST, LEAST,
                     TIMESTAMP_DIFF -> throw new NotFoldableException(function + " is evaluated at run time");
                // the function library: execution folds input-free calls itself; RANDOM and UUID must never fold
                case STRFTIME, STRPTIME, MAKE_DATE, MAKE_TIMESTAMP, LAST_DAY, DAYNAME, MONTHNAME, AGE, TO_TIMESTAMP, EPOCH_MS,
                     EPOCH_MS_OF, DATE_DIFF_UNITS, DATE_SUB_UNITS, TRANSLATE, ASCII, CHR, MD5, SHA256, REGEXP_EXTRACT,
                     REGEXP_FULL_MATCH, CONTAINS, CONCAT_WS, BIT_LENGTH, STRLEN, UNICODE, LEVENSHTEIN, HAMMING, JACCARD, FORMAT, LOG2,
                     TRUNC, CBRT, DEGREES, RADIANS, SIN, COS, TAN, COT, ASIN, ACOS, ATAN, ATAN2, ISNAN, ISINF, ISFINITE, EVEN,
                     GCD, LCM, BIT_COUNT, FACTORIAL, RANDOM, UUID, OCTET_LENGTH, HEX, UNHEX, ENCODE, DECODE ->
                        throw new NotFoldableException(function + " is evaluated at run time");
            };
        }
        catch (ArithmeticException | ClassCastException | java.time.DateTimeException e) {
            throw new NotFoldableException(function + ": " + e.getMessage());
        }
    }

    private static Object zero(DataType type)
    {
        return switch (type) {
            case DecimalType d -> BigDecimal.ZERO;
            case DoubleType d -> 0.0;
            case RealType r -> 0.0f;
            default -> 0L;
        };
    }

    private static Object arithmetic(Function function, Object left, Object right, DataType type)
    {
        if (type instanceof IntervalType) {
            return intervalArithmetic(function, (Interval) left, right);
        }
        return switch (type) {
            case DecimalType decimal -> {
                BigDecimal a = (BigDecimal) left;
                BigDecimal b = (BigDecimal) right;
                BigDecimal result = switch (function) {
                    case ADD -> a.add(b);
                    case SUBTRACT -> a.subtract(b);
                    case MULTIPLY -> a.multiply(b);
                    case DIVIDE -> {
                        requireNonZero(b.signum() == 0);
                        yield a.divide(b, decimal.scale(), RoundingMode.HALF_UP);
                    }
                    default -> {
                        requireNonZero(b.signum() == 0);
                        yield a.remainder(b);
                    }
                };
                yield fitDecimal(result, decimal);
            }
            case DoubleType d -> {
                double a = ((Number) left).doubleValue();
                double b = ((Number) right).doubleValue();
                yield switch (function) {
                    case ADD -> a + b;
                    case SUBTRACT -> a - b;
                    case MULTIPLY -> a * b;
                    case DIVIDE -> {
                        requireNonZero(b == 0);
                        yield a / b;
                    }
                    default -> {
                        requireNonZero(b == 0);
                        yield a % b;
                    }
                };
            }
            case RealType r -> {
                float a = ((Number) left).floatValue();
                float b = ((Number) right).floatValue();
                yield switch (function) {
                    case ADD -> a + b;
                    case SUBTRACT -> a - b;
                    case MULTIPLY -> a * b;
                    case DIVIDE -> {
                        requireNonZero(b == 0);
                        yield a / b;
                    }
                    default -> {
                        requireNonZero(b == 0);
                        yield a % b;
                    }
                };
            }
            case SmallintType s -> (short) checkRange(integral(function, left, right), Short.MIN_VALUE, Short.MAX_VALUE);
            case IntegerType i -> (int) checkRange(integral(function, left, right), Integer.MIN_VALUE, Integer.MAX_VALUE);
            case BigintType b -> integral(function, left, right);
            default -> throw new NotFoldableException(function + " on " + type);
        };
    }

    private static long integral(Function function, Object left, Object right)
    {
        long a = ((Number) left).longValue();
        long b = ((Number) right).longValue();
        return switch (function) {
            case ADD -> Math.addExact(a, b);
            case SUBTRACT -> Math.subtractExact(a, b);
            case MULTIPLY -> Math.multiplyExact(a, b);
            case DIVIDE -> {
                requireNonZero(b == 0);
                if (a == Long.MIN_VALUE && b == -1) {
                    throw new NotFoldableException("overflow");
                }
                yield a / b;
            }
            default -> {
                requireNonZero(b == 0);
                yield b == -1 ? 0 : a % b;
            }
        };
    }

    private static void requireNonZero(boolean zero)
    {
        if (zero) {
            throw new NotFoldableException("division by zero");
        }
    }

    private static long checkRange(long value, long min, long max)
    {
        if (value < min || value > max) {
            throw new NotFoldableException("overflow");
        }
        return value;
    }

    private static BigDecimal fitDecimal(BigDecimal value, DecimalType type)
    {
        BigDecimal scaled = value.setScale(type.scale(), RoundingMode.HALF_UP);
        if (scaled.signum() != 0 && scaled.precision() - scaled.scale() > type.precision() - type.scale()) {
            throw new NotFoldableException("overflow");
        }
        return scaled;
    }

    private static Interval intervalArithmetic(Function function, Interval left, Object right)
    {
        long[] out = new long[3];
        switch (function) {
            case ADD, SUBTRACT -> {
                Interval r = (Interval) right;
                IntervalMath.add(left.months(), left.days(), left.micros(), r.months(), r.days(), r.micros(), function == Function.ADD ? 1 : -1, out);
            }
            case MULTIPLY -> {
                if (right instanceof Double || right instanceof Float) {
                    IntervalMath.scale(left.months(), left.days(), left.micros(), ((Number) right).doubleValue(), false, out);
                }
                else {
                    IntervalMath.multiply(left.months(), left.days(), left.micros(), ((Number) right).longValue(), out);
                }
            }
            case DIVIDE -> IntervalMath.scale(left.months(), left.days(), left.micros(), ((Number) right).doubleValue(), true, out);
            default -> throw new NotFoldableException(function + " on INTERVAL");
        }
        return IntervalMath.toInterval(out);
    }

    private static Object negate(Object value, DataType type)
    {
        if (type instanceof IntervalType) {
            Interval interval = (Interval) value;
            long[] out = new long[3];
            IntervalMath.negate(interval.months(), interval.days(), interval.micros(), out);
            return IntervalMath.toInterval(out);
        }
        return switch (type) {
            case DecimalType d -> ((BigDecimal) value).negate();
            case DoubleType d -> -((Number) value).doubleValue();
            case RealType r -> -((Number) value).floatValue();
            case SmallintType s -> (short) checkRange(-((Number) value).longValue(), Short.MIN_VALUE, Short.MAX_VALUE);
            case IntegerType i -> (int) checkRange(-((Number) value).longValue(), Integer.MIN_VALUE, Integer.MAX_VALUE);
            case BigintType b -> Math.negateExact(((Number) value).longValue());
            default -> throw new NotFoldableException("negate " + type);
        };
    }

    /** SQL substring: 1-based; characters before position 1 count against the length. */
    private static String substring(String value, long start, Long length)
    {
        int codePoints = value.codePointCount(0, value.length());
        long end = length == null ? Long.MAX_VALUE : start + length;
        if (length != null && length < 0) {
            throw new NotFoldableException("negative substring length");
        }
        long from = Math.max(start, 1);
        long to = Math.min(end, (long) codePoints + 1);
        if (from >= to) {
            return "";
        }
        int beginIndex = value.offsetByCodePoints(0, (int) (from - 1));
        int endIndex = value.offsetByCodePoints(0, (int) (to - 1));
        return value.substring(beginIndex, endIndex);
    }

    private static String trim(Function function, String value, String characters)
    {
        int start = 0;
        int end = value.length();
        if (function != Function.RTRIM) {
            while (start < end && characters.indexOf(value.codePointAt(start)) >= 0) {
                start += Character.charCount(value.codePointAt(start));
            }
        }
        if (function != Function.LTRIM) {
            while (end > start && characters.indexOf(value.codePointBefore(end)) >= 0) {
                end -= Character.charCount(value.codePointBefore(end));
            }
        }
        return value.substring(start, end);
    }

    private static Object rounding(Function function, List<Object> arguments, DataType type)
    {
        if (!(type instanceof DecimalType decimal)) {
            // floating point rounding modes differ between engines; leave it to execution
            throw new NotFoldableException(function + " on " + type);
        }
        BigDecimal value = (BigDecimal) arguments.getFirst();
        BigDecimal result = switch (function) {
            case FLOOR -> value.setScale(0, RoundingMode.FLOOR);
            case CEIL -> value.setScale(0, RoundingMode.CEILING);
            default -> value.setScale(arguments.size() > 1 ? ((Number) arguments.get(1)).intValue() : 0, RoundingMode.HALF_UP);
        };
        return fitDecimal(result, decimal);
    }

    private static Object datePart(String field, Object source, DataType resultType)
    {
        LocalDateTime timestamp = source instanceof LocalDate date ? date.atStartOfDay() : (LocalDateTime) source;
        long value = switch (field) {
            case "year" -> timestamp.getYear();
            case "quarter" -> (timestamp.getMonthValue() - 1) / 3 + 1;
            case "month" -> timestamp.getMonthValue();
            case "day" -> timestamp.getDayOfMonth();
            case "dow" -> timestamp.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : timestamp.getDayOfWeek().getValue();
            case "doy" -> timestamp.getDayOfYear();
            case "week" -> timestamp.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            case "hour" -> timestamp.getHour();
            case "minute" -> timestamp.getMinute();
            case "second" -> {
                if (resultType instanceof DoubleType) {
                    yield Long.MIN_VALUE;
                }
                yield timestamp.getSecond();
            }
            case "epoch" -> Long.MIN_VALUE;
            default -> throw new NotFoldableException("unknown field " + field);
        };
        if (value != Long.MIN_VALUE) {
            if (resultType instanceof DoubleType) {
                return (double) value;
            }
            return value;
        }
        double micros = timestamp.getNano() / 1_000 / 1_000_000.0;
        if (field.equals("second")) {
            return timestamp.getSecond() + micros;
        }
        return timestamp.toEpochSecond(ZoneOffset.UTC) + micros;
    }

    private static Object dateAdd(Object source, Interval interval, DataType resultType)
    {
        if (resultType instanceof DateType) {
            return ((LocalDate) source).plusMonths(interval.months()).plusDays(interval.days());
        }
        if (resultType instanceof TimestampType) {
            LocalDateTime timestamp = source instanceof LocalDate date ? date.atStartOfDay() : (LocalDateTime) source;
            return timestamp.plusMonths(interval.months()).plusDays(interval.days()).plus(interval.micros(), ChronoUnit.MICROS);
        }
        throw new NotFoldableException("date arithmetic on " + resultType);
    }
}
