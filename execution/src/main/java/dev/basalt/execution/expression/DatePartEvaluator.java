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
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * DATE_PART(field, source) / EXTRACT on DATE or TIMESTAMP: year, quarter, month, day, dow (0 = Sunday), isodow,
 * doy, week (ISO), hour, minute, second, millisecond(s), microsecond(s), epoch, decade, century, millennium.
 * Result BIGINT, or DOUBLE for second/epoch with fractions when the binder typed it so.
 */
public final class DatePartEvaluator
        extends Evaluator
{
    private enum Field
    {
        YEAR, QUARTER, MONTH, DAY, DOW, ISODOW, DOY, WEEK, HOUR, MINUTE, SECOND, MILLISECOND, MICROSECOND, EPOCH, DECADE, CENTURY, MILLENNIUM
    }

    private final Evaluator source;
    private final Field field;
    private final boolean date;
    private final boolean doubleResult;

    public DatePartEvaluator(String fieldName, Evaluator source, DataType type, BufferAllocator allocator)
    {
        super(type, allocator);
        this.source = child(source);
        this.field = parse(fieldName);
        this.date = source.type() instanceof DateType;
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
            case "hour", "hours", "h", "hr", "hrs" -> Field.HOUR;
            case "minute", "minutes", "m", "min", "mins" -> Field.MINUTE;
            case "second", "seconds", "s", "sec", "secs" -> Field.SECOND;
            case "millisecond", "milliseconds", "ms", "msec" -> Field.MILLISECOND;
            case "microsecond", "microseconds", "us", "usec" -> Field.MICROSECOND;
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
            default -> longPart(micros);
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
            case HOUR -> timeOfDay / 3_600_000_000L;
            case MINUTE -> timeOfDay / 60_000_000L % 60;
            case SECOND -> timeOfDay / DateTimes.MICROS_PER_SECOND % 60;
            case MILLISECOND -> timeOfDay % 60_000_000L / 1000;
            case MICROSECOND -> timeOfDay % 60_000_000L;
            case EPOCH -> Math.floorDiv(micros, DateTimes.MICROS_PER_SECOND);
            case DECADE -> Math.floorDiv(DateTimes.year(DateTimes.civil(day)), 10);
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
