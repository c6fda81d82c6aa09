package dev.basalt.execution.expression;

import dev.basalt.execution.vector.Bitmaps;
import dev.basalt.execution.vector.DateTimes;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DateType;
import dev.basalt.spi.type.TimestampType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Locale;

/**
 * DATE_TRUNC(field, source) with a constant field: millennium, century, decade (DuckDB: the year rounded down to
 * a multiple of 1000/100/10), year, quarter, month, week (ISO, Monday), day, hour, minute, second. The source is
 * DATE or TIMESTAMP; the result is written as the binder typed it (DATE or TIMESTAMP).
 */
public final class DateTruncEvaluator
        extends Evaluator
{
    private enum Unit
    {
        MILLENNIUM, CENTURY, DECADE, YEAR, QUARTER, MONTH, WEEK, DAY, HOUR, MINUTE, SECOND
    }

    private final Unit unit;
    private final Evaluator source;
    private final boolean dateSource;
    private final boolean dateResult;

    public DateTruncEvaluator(String field, Evaluator source, DataType type, BufferAllocator allocator)
    {
        super(type, allocator);
        this.source = child(source);
        this.unit = switch (field.toLowerCase(Locale.ROOT)) {
            case "millennium" -> Unit.MILLENNIUM;
            case "century" -> Unit.CENTURY;
            case "decade" -> Unit.DECADE;
            case "year" -> Unit.YEAR;
            case "quarter" -> Unit.QUARTER;
            case "month" -> Unit.MONTH;
            case "week" -> Unit.WEEK;
            case "day" -> Unit.DAY;
            case "hour" -> Unit.HOUR;
            case "minute" -> Unit.MINUTE;
            case "second" -> Unit.SECOND;
            default -> throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE, "unit \"" + field + "\" not recognized for date_trunc");
        };
        if (!(source.type() instanceof DateType || source.type() instanceof TimestampType)) {
            throw new BasaltException(ErrorCode.DATATYPE_MISMATCH, "date_trunc needs a DATE or TIMESTAMP, got " + source.type().sqlName());
        }
        if (!(type instanceof DateType || type instanceof TimestampType)) {
            throw new BasaltException(ErrorCode.DATATYPE_MISMATCH, "date_trunc returns DATE or TIMESTAMP, not " + type.sqlName());
        }
        this.dateSource = source.type() instanceof DateType;
        this.dateResult = type instanceof DateType;
    }

    @Override
    public FieldVector evaluate(ColumnBatch input, int[] rows, int count)
    {
        int physical = input.physicalRowCount();
        FieldVector value = source.evaluate(input, rows, count);
        FieldVector result = result(physical);
        MemorySegment validity = Vectors.validity(value);
        Bitmaps.copy(validity, Vectors.validityAlways(result), physical);
        MemorySegment in = Vectors.data(value);
        MemorySegment out = Vectors.data(result);
        for (int i = 0; i < count; i++) {
            int p = rows == null ? i : rows[i];
            if (!Bitmaps.isSet(validity, p)) {
                continue;
            }
            long micros = dateSource
                    ? in.getAtIndex(ValueLayout.JAVA_INT_UNALIGNED, p) * DateTimes.MICROS_PER_DAY
                    : in.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, p);
            long truncated = truncate(micros);
            if (dateResult) {
                out.setAtIndex(ValueLayout.JAVA_INT_UNALIGNED, p, (int) Math.floorDiv(truncated, DateTimes.MICROS_PER_DAY));
            }
            else {
                out.setAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, p, truncated);
            }
        }
        return result;
    }

    private long truncate(long micros)
    {
        long day = Math.floorDiv(micros, DateTimes.MICROS_PER_DAY);
        return switch (unit) {
            case SECOND -> micros - Math.floorMod(micros, DateTimes.MICROS_PER_SECOND);
            case MINUTE -> micros - Math.floorMod(micros, 60 * DateTimes.MICROS_PER_SECOND);
            case HOUR -> micros - Math.floorMod(micros, 3600 * DateTimes.MICROS_PER_SECOND);
            case DAY -> day * DateTimes.MICROS_PER_DAY;
            // epoch day 0 (1970-01-01) was a Thursday: Monday is 3 days before
            case WEEK -> (day - Math.floorMod(day + 3, 7)) * DateTimes.MICROS_PER_DAY;
            default -> {
                long civil = DateTimes.civil(day);
                long year = DateTimes.year(civil);
                int month = DateTimes.month(civil);
                long start = switch (unit) {
                    case MONTH -> DateTimes.epochDay(year, month, 1);
                    case QUARTER -> DateTimes.epochDay(year, (month - 1) / 3 * 3 + 1, 1);
                    case YEAR -> DateTimes.epochDay(year, 1, 1);
                    case DECADE -> DateTimes.epochDay(Math.floorDiv(year, 10) * 10, 1, 1);
                    case CENTURY -> DateTimes.epochDay(Math.floorDiv(year, 100) * 100, 1, 1);
                    default -> DateTimes.epochDay(Math.floorDiv(year, 1000) * 1000, 1, 1);
                };
                yield start * DateTimes.MICROS_PER_DAY;
            }
        };
    }
}
