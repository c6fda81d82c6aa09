package dev.basalt.spi.value;

import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.BigintType;
import dev.basalt.spi.type.BooleanType;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DateType;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.spi.type.DoubleType;
import dev.basalt.spi.type.IntegerType;
import dev.basalt.spi.type.IntervalType;
import dev.basalt.spi.type.BlobType;
import dev.basalt.spi.type.NullType;
import dev.basalt.spi.type.RealType;
import dev.basalt.spi.type.SmallintType;
import dev.basalt.spi.type.TimestampType;
import dev.basalt.spi.type.VarcharType;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.IntervalMonthDayNanoVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Conversion between single values and Arrow vectors. This is the slow, per-value path: clients,
 * literals, tests and statistics use it; operators' hot loops work on the buffers directly.
 *
 * <p>Canonical Java objects per type: BOOLEAN Boolean, SMALLINT Short, INTEGER Integer, BIGINT Long,
 * REAL Float, DOUBLE Double, DECIMAL BigDecimal (at the type's scale), VARCHAR String, BLOB byte[], DATE LocalDate,
 * TIMESTAMP LocalDateTime, INTERVAL {@link Interval}, NULL null.
 */
public final class Values
{
    private static final LocalDateTime EPOCH = LocalDateTime.of(1970, 1, 1, 0, 0);

    private Values() {}

    /** The value at a physical position, or null. */
    public static Object read(FieldVector vector, DataType type, int position)
    {
        if (type instanceof NullType || vector.isNull(position)) {
            return null;
        }
        return switch (type) {
            case BooleanType t -> ((BitVector) vector).get(position) != 0;
            case SmallintType t -> ((SmallIntVector) vector).get(position);
            case IntegerType t -> ((IntVector) vector).get(position);
            case BigintType t -> ((BigIntVector) vector).get(position);
            case RealType t -> ((Float4Vector) vector).get(position);
            case DoubleType t -> ((Float8Vector) vector).get(position);
            case DecimalType t -> t.isShort()
                    ? BigDecimal.valueOf(((BigIntVector) vector).get(position), t.scale())
                    : ((DecimalVector) vector).getObject(position).setScale(t.scale(), RoundingMode.UNNECESSARY);
            case VarcharType t -> new String(((VarCharVector) vector).get(position), StandardCharsets.UTF_8);
            case BlobType t -> ((VarBinaryVector) vector).get(position);
            case DateType t -> LocalDate.ofEpochDay(((DateDayVector) vector).get(position));
            case TimestampType t -> microsToTimestamp(((TimeStampMicroVector) vector).get(position));
            case IntervalType t -> readInterval((IntervalMonthDayNanoVector) vector, position);
            case NullType t -> null;
        };
    }

    /**
     * Writes a value at a position, growing the vector as needed. Accepts the canonical object for the type
     * and, for convenience, any Number for numeric types and a String for DATE/TIMESTAMP. Does not set the
     * vector's value count.
     */
    public static void write(FieldVector vector, DataType type, int position, Object value)
    {
        if (value == null) {
            if (!(type instanceof NullType)) {
                setNull(vector, position);
            }
            return;
        }
        switch (type) {
            case BooleanType t -> ((BitVector) vector).setSafe(position, ((Boolean) value) ? 1 : 0);
            case SmallintType t -> ((SmallIntVector) vector).setSafe(position, ((Number) value).shortValue());
            case IntegerType t -> ((IntVector) vector).setSafe(position, ((Number) value).intValue());
            case BigintType t -> ((BigIntVector) vector).setSafe(position, ((Number) value).longValue());
            case RealType t -> ((Float4Vector) vector).setSafe(position, ((Number) value).floatValue());
            case DoubleType t -> ((Float8Vector) vector).setSafe(position, ((Number) value).doubleValue());
            case DecimalType t -> {
                BigDecimal decimal = toDecimal(value, t);
                if (t.isShort()) {
                    ((BigIntVector) vector).setSafe(position, decimal.unscaledValue().longValueExact());
                }
                else {
                    ((DecimalVector) vector).setSafe(position, decimal);
                }
            }
            case VarcharType t -> ((VarCharVector) vector).setSafe(position, value.toString().getBytes(StandardCharsets.UTF_8));
            case BlobType t -> ((VarBinaryVector) vector).setSafe(position, toBytes(value));
            case DateType t -> ((DateDayVector) vector).setSafe(position, (int) toLocalDate(value).toEpochDay());
            case TimestampType t -> ((TimeStampMicroVector) vector).setSafe(position, timestampToMicros(toLocalDateTime(value)));
            case IntervalType t -> {
                Interval interval = (Interval) value;
                ((IntervalMonthDayNanoVector) vector).setSafe(position, interval.months(), interval.days(), Math.multiplyExact(interval.micros(), 1000L));
            }
            case NullType t -> { }
        }
    }

    /** Marks a position null, growing the vector as needed. */
    public static void setNull(FieldVector vector, int position)
    {
        while (position >= vector.getValueCapacity()) {
            vector.reAlloc();
        }
        vector.setNull(position);
    }

    /** The value with exactly the type's scale; fails (22003) when it does not fit the precision. */
    public static BigDecimal toDecimal(Object value, DecimalType type)
    {
        if ((value instanceof Double || value instanceof Float) && !Double.isFinite(((Number) value).doubleValue())) {
            throw new BasaltException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "value " + value + " does not fit " + type.sqlName());
        }
        BigDecimal decimal = switch (value) {
            case BigDecimal d -> d;
            case BigInteger i -> new BigDecimal(i);
            case Double d -> BigDecimal.valueOf(d);
            case Float f -> BigDecimal.valueOf(f.doubleValue());
            case Number n -> BigDecimal.valueOf(n.longValue());
            default -> parseDecimal(value.toString().trim(), type);
        };
        BigDecimal scaled = decimal.setScale(type.scale(), RoundingMode.HALF_UP);
        if (scaled.precision() - scaled.scale() > type.precision() - type.scale()) {
            throw new BasaltException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                    "value " + decimal.toPlainString() + " does not fit " + type.sqlName());
        }
        return scaled;
    }

    private static BigDecimal parseDecimal(String text, DecimalType type)
    {
        try {
            return new BigDecimal(text);
        }
        catch (NumberFormatException e) {
            throw new BasaltException(ErrorCode.INVALID_TEXT_REPRESENTATION, "invalid input for " + type.sqlName() + ": \"" + text + "\"");
        }
    }

    public static LocalDateTime microsToTimestamp(long micros)
    {
        long seconds = Math.floorDiv(micros, 1_000_000L);
        long micro = Math.floorMod(micros, 1_000_000L);
        return LocalDateTime.ofEpochSecond(seconds, (int) (micro * 1000), ZoneOffset.UTC);
    }

    public static long timestampToMicros(LocalDateTime timestamp)
    {
        return ChronoUnit.MICROS.between(EPOCH, timestamp);
    }

    private static LocalDate toLocalDate(Object value)
    {
        return switch (value) {
            case LocalDate d -> d;
            case LocalDateTime t -> t.toLocalDate();
            case java.sql.Date d -> d.toLocalDate();
            case Number n -> LocalDate.ofEpochDay(n.longValue());
            default -> parseDateTime(value.toString().trim(), "DATE", LocalDate::parse);
        };
    }

    private static LocalDateTime toLocalDateTime(Object value)
    {
        return switch (value) {
            case LocalDateTime t -> t;
            case LocalDate d -> d.atStartOfDay();
            case java.sql.Timestamp t -> t.toLocalDateTime();
            default -> parseDateTime(value.toString().trim(), "TIMESTAMP", text -> LocalDateTime.parse(text.replace(' ', 'T')));
        };
    }

    private static <T> T parseDateTime(String text, String typeName, java.util.function.Function<String, T> parser)
    {
        try {
            return parser.apply(text);
        }
        catch (DateTimeParseException e) {
            throw new BasaltException(ErrorCode.INVALID_DATETIME_FORMAT, "invalid input for " + typeName + ": \"" + text + "\"");
        }
    }

    private static Interval readInterval(IntervalMonthDayNanoVector vector, int position)
    {
        ArrowBuf buffer = vector.getDataBuffer();
        long offset = (long) position * IntervalMonthDayNanoVector.TYPE_WIDTH;
        int months = buffer.getInt(offset);
        int days = buffer.getInt(offset + 4);
        long nanos = buffer.getLong(offset + 8);
        return new Interval(months, days, nanos / 1000);
    }

    private static byte[] toBytes(Object value)
    {
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        if (value instanceof java.nio.ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            return bytes;
        }
        throw new BasaltException(ErrorCode.DATATYPE_MISMATCH, "not a BLOB value: " + value.getClass().getName());
    }
}
