package dev.basalt.execution.expression;

import dev.basalt.execution.vector.Bitmaps;
import dev.basalt.execution.vector.DateTimes;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DateType;
import dev.basalt.spi.type.DoubleType;
import dev.basalt.spi.type.IntervalType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * DATE_PART(field, source) / EXTRACT on DATE, TIMESTAMP or INTERVAL: year, quarter, month, day, dow (0 = Sunday),
 * isodow, doy, week (ISO), isoyear, yearweek, hour, minute, second, millisecond(s), microsecond(s), epoch, decade,
 * century, millennium, era, julian. Result BIGINT, or DOUBLE for epoch/julian (DuckDB's types and values; an
 * INTERVAL's parts truncate toward zero and its epoch counts a year as 365.25 days and a month as 30).
 */
public final class DatePartEvaluator
        extends Evaluator
{
    private enum Field
    {
        YEAR, QUARTER, MONTH, DAY, DOW, ISODOW, DOY, WEEK, ISOYEAR, YEARWEEK, HOUR, MINUTE, SECOND, MILLISECOND, MICROSECOND, EPOCH, DECADE,
        CENTURY, MILLENNIUM, ERA, JULIAN
    }

    private final Evaluator source;
    private final Field field;
    private final boolean date;
    private final boolean interval;
    private final boolean doubleResult;

    public DatePartEvaluator(String fieldName, Evaluator source, DataType type, BufferAllocator allocator)
    {
        super(type, allocator);
        this.source = child(source);
        this.field = parse(fieldName);
        this.date = source.type() instanceof DateType;
        this.interval = source.type() instanceof IntervalType;
        this.doubleResult = type instanceof DoubleType;
    }

    private static Field parse(String name)
    {
        return switch (name.toLowerCase(Locale.ROOT).trim()) {
            case "year", "years", "y", "yr", "yrs" -> Field.YEAR;
            case "quarter", "quarters" -> Field.QUARTER;
            case "month", "months", "mon", "mons" -> Field.MONTH;
            case "day", "days", "d", "dayofmonth" -> Field.DAY;
            case "dow", "dayofweek", "weekday" -> Field.DOW;
            case "isodow" -> Field.ISODOW;
            case "doy", "dayofyear" -> Field.DOY;
            case "week", "weeks", "w", "weekofyear" -> Field.WEEK;
            case "isoyear" -> Field.ISOYEAR;
            case "yearweek" -> Field.YEARWEEK;
            case "era" -> Field.ERA;
            case "julian" -> Field.JULIAN;
            case "hour", "hours", "h", "hr", "hrs" -> Field.HOUR;
            case "minute", "minutes", "m", "min", "mins" -> Field.MINUTE;
            case "second", "seconds", "s", "sec", "secs" -> Field.SECOND;
            case "millisecond", "milliseconds", "ms", "msec", "msecs" -> Field.MILLISECOND;
            case "microsecond", "microseconds", "us", "usec", "usecs" -> Field.MICROSECOND;
            case "epoch" -> Field.EPOCH;
            case "decade", "decades" -> Field.DECADE;
            case "century", "centuries" -> Field.CENTURY;
            case "millennium", "millennia" -> Field.MILLENNIUM;
            default -> throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE, "unsupported date part \"" + name + "\"");
        };
    }

    @Override
    public FieldVector evaluate(ColumnBatch input, int[] rows, int count)
    {
        int physical = input.physicalRowCount();
        FieldVector vector = source.evaluate(input, rows, count);
        FieldVector result = result(physical);
        MemorySegment validity = Vectors.validityAlways(result);
        Bitmaps.copy(Vectors.validity(vector), validity, physical);
        MemorySegment in = Vectors.data(vector);
        MemorySegment out = Vectors.data(result);
        for (int i = 0; i < count; i++) {
            int p = rows == null ? i : rows[i];
            if (!Bitmaps.get(validity, p)) {
                continue;
            }
            if (interval) {
                long offset = 16L * p;
                int months = in.get(ValueLayout.JAVA_INT_UNALIGNED, offset);
                int days = in.get(ValueLayout.JAVA_INT_UNALIGNED, offset + 4);
                long intervalMicros = in.get(ValueLayout.JAVA_LONG_UNALIGNED, offset + 8) / 1000;
                if (doubleResult) {
                    out.setAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, p, intervalEpoch(months, days, intervalMicros));
                }
                else {
                    out.setAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, p, intervalPart(months, days, intervalMicros));
                }
                continue;
            }
            long micros = date
                    ? in.getAtIndex(ValueLayout.JAVA_INT_UNALIGNED, p) * DateTimes.MICROS_PER_DAY
                    : in.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, p);
            if (doubleResult) {
                out.setAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, p, doublePart(micros));
            }
            else {
                out.setAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, p, longPart(micros));
            }
        }
        return result;
    }

    private double doublePart(long micros)
    {
        return switch (field) {
            case SECOND -> Math.floorMod(micros, 60 * DateTimes.MICROS_PER_SECOND) / 1e6;
            case EPOCH -> micros / 1e6;
            case MILLISECOND -> Math.floorMod(micros, 60 * DateTimes.MICROS_PER_SECOND) / 1e3;
            // Julian day number: day 0 is 4714-11-24 BC; 1970-01-01 is day 2440588
            case JULIAN -> (double) micros / DateTimes.MICROS_PER_DAY + JULIAN_EPOCH_DAY;
            default -> longPart(micros);
        };
    }

    private static final long JULIAN_EPOCH_DAY = 2_440_588L;

    private double intervalEpoch(int months, int days, long micros)
    {
        if (field != Field.EPOCH) {
            return intervalPart(months, days, micros);
        }
        // DuckDB/PostgreSQL: a year is 365.25 days, a remaining month 30 days
        return (months / 12) * 365.25 * 86_400 + (months % 12) * 30.0 * 86_400 + days * 86_400.0 + micros / 1e6;
    }

    /** Interval parts truncate toward zero, like DuckDB and PostgreSQL (-90 minutes: hour -1, minute -30). */
    private long intervalPart(int months, int days, long micros)
    {
        return switch (field) {
            case YEAR -> months / 12;
            case QUARTER -> months % 12 / 3 + 1;
            case MONTH -> months % 12;
            case DAY -> days;
            case DECADE -> months / 12 / 10;
            case CENTURY -> months / 12 / 100;
            case MILLENNIUM -> months / 12 / 1000;
            case HOUR -> micros / 3_600_000_000L;
            case MINUTE -> micros / 60_000_000L % 60;
            case SECOND -> micros / DateTimes.MICROS_PER_SECOND % 60;
            case MILLISECOND -> micros % 60_000_000L / 1000;
            case MICROSECOND -> micros % 60_000_000L;
            case EPOCH -> (long) intervalEpoch(months, days, micros);
            case DOW, ISODOW, DOY, WEEK, ISOYEAR, YEARWEEK, ERA, JULIAN ->
                    throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE, "date part " + field.name().toLowerCase(Locale.ROOT) + " is not supported for INTERVAL");
        };
    }

    private long longPart(long micros)
    {
        long day = Math.floorDiv(micros, DateTimes.MICROS_PER_DAY);
        long timeOfDay = Math.floorMod(micros, DateTimes.MICROS_PER_DAY);
        return switch (field) {
            case YEAR -> DateTimes.year(DateTimes.civil(day));
            case QUARTER -> (DateTimes.month(DateTimes.civil(day)) - 1) / 3 + 1;
            case MONTH -> DateTimes.month(DateTimes.civil(day));
            case DAY -> DateTimes.day(DateTimes.civil(day));
            case DOW -> Math.floorMod(day + 4, 7);
            case ISODOW -> Math.floorMod(day + 3, 7) + 1;
            case DOY -> day - DateTimes.epochDay(DateTimes.year(DateTimes.civil(day)), 1, 1) + 1;
            case WEEK -> LocalDate.ofEpochDay(day).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            case ISOYEAR -> LocalDate.ofEpochDay(day).get(IsoFields.WEEK_BASED_YEAR);
            case YEARWEEK -> {
                LocalDate local = LocalDate.ofEpochDay(day);
                yield local.get(IsoFields.WEEK_BASED_YEAR) * 100L + local.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            }
            case ERA -> DateTimes.year(DateTimes.civil(day)) > 0 ? 1 : 0;
            case JULIAN -> day + JULIAN_EPOCH_DAY;
            case HOUR -> timeOfDay / 3_600_000_000L;
            case MINUTE -> timeOfDay / 60_000_000L % 60;
            case SECOND -> timeOfDay / DateTimes.MICROS_PER_SECOND % 60;
            case MILLISECOND -> timeOfDay % 60_000_000L / 1000;
            case MICROSECOND -> timeOfDay % 60_000_000L;
            case EPOCH -> Math.floorDiv(micros, DateTimes.MICROS_PER_SECOND);
            // DuckDB truncates toward zero: year -4 (5 BC) is decade 0
            case DECADE -> DateTimes.year(DateTimes.civil(day)) / 10;
            case CENTURY -> {
                long year = DateTimes.year(DateTimes.civil(day));
                yield year > 0 ? (year + 99) / 100 : -((99 - year) / 100);
            }
            case MILLENNIUM -> {
                long year = DateTimes.year(DateTimes.civil(day));
                yield year > 0 ? (year + 999) / 1000 : -((999 - year) / 1000);
            }
        };
    }
}
