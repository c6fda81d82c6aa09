package dev.basalt.execution.expression;

import dev.basalt.execution.vector.DateTimes;
import dev.basalt.planner.expression.Function;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataType;
import org.apache.arrow.memory.BufferAllocator;

import java.util.List;

/**
 * The date/time library, DuckDB's semantics (strict): STRFTIME(value, format), STRPTIME(text, format) (see
 * {@link StrfTimeFormat}), MAKE_DATE(y, m, d) and MAKE_TIMESTAMP(y, mo, d, h, mi, s) / MAKE_TIMESTAMP(micros) (22008
 * for fields out of range), LAST_DAY, DAYNAME, MONTHNAME, AGE(a, b) (PostgreSQL's field-wise difference, borrowing
 * days from the month), TO_TIMESTAMP(epoch seconds), EPOCH_MS(ms) and EPOCH_MS_OF(timestamp), and
 * DATE_DIFF_UNITS/DATE_SUB_UNITS(part, a, b): the number of part boundaries between a and b, or the number of whole
 * parts elapsed (months compare day and time of day; the last day of a month counts as a whole month's end).
 * DATE operands are read as midnight.
 */
public final class DateTimeFunctionEvaluator
        extends RowFunctionEvaluator
{
    private static final long MICROS_PER_HOUR = 3_600_000_000L;
    private static final long MICROS_PER_MINUTE = 60_000_000L;
    private static final long MICROS_PER_WEEK = 7 * DateTimes.MICROS_PER_DAY;
    /** DuckDB's timestamp range: years 290308 BC .. 294247 AD. */
    private static final long MAX_YEAR = 294_246;

    private final Function function;
    private final String part;
    private StrfTimeFormat format;

    public DateTimeFunctionEvaluator(Function function, List<Evaluator> operands, DataType type, BufferAllocator allocator)
    {
        super(partless(function, operands), true, type, allocator);
        this.function = function;
        if (function == Function.DATE_DIFF_UNITS || function == Function.DATE_SUB_UNITS) {
            if (!(operands.getFirst() instanceof ConstantEvaluator constant) || !(constant.value() instanceof String text)) {
                throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE, function + " needs a constant date part");
            }
            this.part = text;
            constant.close();
        }
        else {
            this.part = null;
        }
        // a constant format is compiled (and rejected) once
        if ((function == Function.STRFTIME || function == Function.STRPTIME) && operands.get(1) instanceof ConstantEvaluator constant
                && constant.value() instanceof String text) {
            format = new StrfTimeFormat(text);
        }
    }

    private static List<Evaluator> partless(Function function, List<Evaluator> operands)
    {
        return function == Function.DATE_DIFF_UNITS || function == Function.DATE_SUB_UNITS ? operands.subList(1, operands.size()) : operands;
    }

    @Override
    protected void compute(int p)
    {
        switch (function) {
            case STRFTIME -> setString(p, format(stringAt(1, p)).format(microsAt(0, p)));
            case STRPTIME -> setLong(p, format(stringAt(1, p)).parse(stringAt(0, p)));
            case MAKE_DATE -> setLong(p, makeDate(longAt(0, p), longAt(1, p), longAt(2, p)));
            case MAKE_TIMESTAMP -> setLong(p, operandCount() == 1 ? longAt(0, p) : makeTimestamp(p));
            case LAST_DAY -> {
                long civil = DateTimes.civil(Math.floorDiv(microsAt(0, p), DateTimes.MICROS_PER_DAY));
                long year = DateTimes.year(civil);
                int month = DateTimes.month(civil);
                setLong(p, DateTimes.epochDay(year, month, DateTimes.lengthOfMonth(year, month)));
            }
            case DAYNAME -> setString(p, StrfTimeFormat.dayName(Math.floorDiv(microsAt(0, p), DateTimes.MICROS_PER_DAY)));
            case MONTHNAME -> setString(p, StrfTimeFormat.monthName(DateTimes.month(DateTimes.civil(Math.floorDiv(microsAt(0, p), DateTimes.MICROS_PER_DAY)))));
            case AGE -> age(p, microsAt(0, p), microsAt(1, p));
            case TO_TIMESTAMP -> {
                double seconds = doubleAt(0, p);
                double micros = Math.rint(seconds * DateTimes.MICROS_PER_SECOND);
                if (!Double.isFinite(micros) || Math.abs(micros) >= 9.2e18) {
                    throw DateTimes.timestampOutOfRange();
                }
                setLong(p, (long) micros);
            }
            case EPOCH_MS -> {
                try {
                    setLong(p, Math.multiplyExact(longAt(0, p), 1000L));
                }
                catch (ArithmeticException e) {
                    throw DateTimes.timestampOutOfRange();
                }
            }
            case EPOCH_MS_OF -> setLong(p, Math.floorDiv(microsAt(0, p), 1000L));
            case DATE_DIFF_UNITS -> setLong(p, dateDiff(microsAt(0, p), microsAt(1, p)));
            case DATE_SUB_UNITS -> setLong(p, dateSub(microsAt(0, p), microsAt(1, p)));
            default -> throw new IllegalStateException("not a date/time function: " + function);
        }
    }

    private StrfTimeFormat format(String text)
    {
        if (format == null || !format.text().equals(text)) {
            format = new StrfTimeFormat(text);
        }
        return format;
    }

    private static long makeDate(long year, long month, long day)
    {
        if (year < -MAX_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1 || day > DateTimes.lengthOfMonth(year, (int) month)) {
            throw new BasaltException(ErrorCode.DATETIME_FIELD_OVERFLOW, "date field value out of range: " + year + "-" + month + "-" + day);
        }
        return DateTimes.epochDay(year, (int) month, (int) day);
    }

    private long makeTimestamp(int p)
    {
        long epochDay = makeDate(longAt(0, p), longAt(1, p), longAt(2, p));
        long hour = longAt(3, p);
        long minute = longAt(4, p);
        double seconds = doubleAt(5, p);
        // DuckDB accepts second = 60 (the next minute) but no hour 24
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || !(seconds >= 0) || seconds > 60) {
            throw new BasaltException(ErrorCode.DATETIME_FIELD_OVERFLOW, "time field value out of range: " + hour + ":" + minute + ":" + seconds);
        }
        long micros = (long) Math.rint(seconds * DateTimes.MICROS_PER_SECOND);
        return epochDay * DateTimes.MICROS_PER_DAY + hour * MICROS_PER_HOUR + minute * MICROS_PER_MINUTE + micros;
    }

    /** PostgreSQL's timestamp_age: field-wise a - b, negative fields borrowed from the next larger one. */
    private void age(int p, long a, long b)
    {
        boolean negative = a < b;
        long[] x = fields(negative ? b : a);
        long[] y = fields(negative ? a : b);
        // (year, month, day, microsecond of the day), both sides swapped so the difference is non-negative
        long years = x[0] - y[0];
        long months = x[1] - y[1];
        long days = x[2] - y[2];
        long micros = x[3] - y[3];
        if (micros < 0) {
            micros += DateTimes.MICROS_PER_DAY;
            days--;
        }
        while (days < 0) {
            // PostgreSQL borrows the length of the earlier timestamp's month
            long[] from = negative ? fields(a) : fields(b);
            days += DateTimes.lengthOfMonth(from[0], (int) from[1]);
            months--;
        }
        while (months < 0) {
            months += 12;
            years--;
        }
        long totalMonths = years * 12 + months;
        if (negative) {
            totalMonths = -totalMonths;
            days = -days;
            micros = -micros;
        }
        if (totalMonths > Integer.MAX_VALUE || totalMonths < Integer.MIN_VALUE) {
            throw new BasaltException(ErrorCode.DATETIME_FIELD_OVERFLOW, "interval out of range");
        }
        setInterval(p, (int) totalMonths, (int) days, micros);
    }

    private static long[] fields(long micros)
    {
        long epochDay = Math.floorDiv(micros, DateTimes.MICROS_PER_DAY);
        long civil = DateTimes.civil(epochDay);
        return new long[] {DateTimes.year(civil), DateTimes.month(civil), DateTimes.day(civil), Math.floorMod(micros, DateTimes.MICROS_PER_DAY)};
    }

    /** Boundaries crossed: the difference of the truncated values (weeks: whole weeks elapsed, as DuckDB). */
    private long dateDiff(long a, long b)
    {
        return switch (part) {
            case "year", "decade", "century", "millennium", "quarter", "month" -> {
                long[] x = fields(a);
                long[] y = fields(b);
                yield switch (part) {
                    case "year" -> y[0] - x[0];
                    case "decade" -> y[0] / 10 - x[0] / 10;
                    case "century" -> y[0] / 100 - x[0] / 100;
                    case "millennium" -> y[0] / 1000 - x[0] / 1000;
                    case "quarter" -> y[0] * 4 + (y[1] - 1) / 3 - (x[0] * 4 + (x[1] - 1) / 3);
                    default -> y[0] * 12 + y[1] - (x[0] * 12 + x[1]);
                };
            }
            case "week" -> (b - a) / MICROS_PER_WEEK;
            case "day" -> Math.floorDiv(b, DateTimes.MICROS_PER_DAY) - Math.floorDiv(a, DateTimes.MICROS_PER_DAY);
            case "hour" -> Math.floorDiv(b, MICROS_PER_HOUR) - Math.floorDiv(a, MICROS_PER_HOUR);
            case "minute" -> Math.floorDiv(b, MICROS_PER_MINUTE) - Math.floorDiv(a, MICROS_PER_MINUTE);
            case "second" -> Math.floorDiv(b, DateTimes.MICROS_PER_SECOND) - Math.floorDiv(a, DateTimes.MICROS_PER_SECOND);
            case "millisecond" -> Math.floorDiv(b, 1000L) - Math.floorDiv(a, 1000L);
            case "microsecond" -> Math.subtractExact(b, a);
            default -> throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE, "date part \"" + part + "\" is not supported");
        };
    }

    /** Whole parts elapsed from a to b (toward zero). */
    private long dateSub(long a, long b)
    {
        return switch (part) {
            case "year", "decade", "century", "millennium", "quarter", "month" -> {
                long months = a <= b ? wholeMonths(a, b) : -wholeMonths(b, a);
                yield switch (part) {
                    case "year" -> months / 12;
                    case "decade" -> months / 120;
                    case "century" -> months / 1200;
                    case "millennium" -> months / 12000;
                    case "quarter" -> months / 3;
                    default -> months;
                };
            }
            case "week" -> (b - a) / MICROS_PER_WEEK;
            case "day" -> (b - a) / DateTimes.MICROS_PER_DAY;
            case "hour" -> (b - a) / MICROS_PER_HOUR;
            case "minute" -> (b - a) / MICROS_PER_MINUTE;
            case "second" -> (b - a) / DateTimes.MICROS_PER_SECOND;
            case "millisecond" -> (b - a) / 1000L;
            case "microsecond" -> Math.subtractExact(b, a);
            default -> throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE, "date part \"" + part + "\" is not supported");
        };
    }

    /** Whole months from start to end (start <= end); an end on its month's last day completes a longer start month. */
    private static long wholeMonths(long start, long end)
    {
        long[] s = fields(start);
        long[] e = fields(end);
        long months = (e[0] - s[0]) * 12 + e[1] - s[1];
        int endMonthLength = DateTimes.lengthOfMonth(e[0], (int) e[1]);
        long startDay = s[2];
        long startTime = s[3];
        if (e[2] == endMonthLength && (startDay > endMonthLength || startDay == endMonthLength && startTime < e[3])) {
            // DuckDB: move the start back to the same time on the end month's last day
            startDay = endMonthLength;
        }
        if (e[2] < startDay || e[2] == startDay && e[3] < startTime) {
            months--;
        }
        return months;
    }
}
