package dev.basalt.engine.csv;

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
import dev.basalt.spi.value.Values;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampMicroVector;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.apache.arrow.vector.VarBinaryVector;

import static java.util.Objects.requireNonNull;

/**
 * Writes a non-null value as text the way DuckDB and PostgreSQL print it: DECIMAL plain with exactly its scale
 * digits, DATE ISO, TIMESTAMP {@code yyyy-mm-dd hh:mm:ss[.ffffff]}, doubles shortest round-trip (plain between
 * 1e-5 and 1e16, else {@code 1.5e+20}), booleans true/false.
 */
public final class ValueFormatter
{
    private final DataType type;

    public ValueFormatter(DataType type)
    {
        this.type = requireNonNull(type, "type is null");
    }

    /** Appends the text of the (non-null) value at a physical position. */
    public void format(FieldVector vector, int position, ByteBuilder out)
    {
        switch (type) {
            case BooleanType t -> out.appendAscii(((BitVector) vector).get(position) != 0 ? "true" : "false");
            case SmallintType t -> out.appendLong(((SmallIntVector) vector).get(position));
            case IntegerType t -> out.appendLong(((IntVector) vector).get(position));
            case BigintType t -> out.appendLong(((BigIntVector) vector).get(position));
            case RealType t -> appendFloating(out, ((Float4Vector) vector).get(position), true);
            case DoubleType t -> appendFloating(out, ((Float8Vector) vector).get(position), false);
            case DecimalType t -> {
                if (t.isShort()) {
                    appendDecimal(out, ((BigIntVector) vector).get(position), t.scale());
                }
                else {
                    out.appendAscii(((DecimalVector) vector).getObject(position).setScale(t.scale()).toPlainString());
                }
            }
            case VarcharType t -> appendBytes(out, (BaseVariableWidthVector) vector, position);
            case BlobType t -> out.appendAscii(Blobs.toText(((VarBinaryVector) vector).get(position)));
            case DateType t -> appendDate(out, ((DateDayVector) vector).get(position));
            case TimestampType t -> appendTimestamp(out, ((TimeStampMicroVector) vector).get(position));
            case IntervalType t -> out.appendAscii(String.valueOf(Values.read(vector, t, position)));
            case NullType t -> { }
        }
    }

    /** Unscaled long to plain text with exactly {@code scale} fraction digits: 12345, 2 -> 123.45; -5, 2 -> -0.05. */
    public static void appendDecimal(ByteBuilder out, long unscaled, int scale)
    {
        if (scale == 0) {
            out.appendLong(unscaled);
            return;
        }
        if (unscaled == Long.MIN_VALUE) {
            out.appendAscii(BigDecimal.valueOf(unscaled, scale).toPlainString());
            return;
        }
        if (unscaled < 0) {
            out.append((byte) '-');
            unscaled = -unscaled;
        }
        long divisor = 1;
        for (int i = 0; i < scale; i++) {
            divisor *= 10;
        }
        out.appendLong(unscaled / divisor);
        out.append((byte) '.');
        out.appendPadded(unscaled % divisor, scale);
    }

    public static void appendDate(ByteBuilder out, int epochDay)
    {
        // days -> civil date (H. Hinnant's civil_from_days)
        long z = epochDay + 719468L;
        long era = Math.floorDiv(z, 146097);
        long dayOfEra = z - era * 146097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        long day = dayOfYear - (153 * mp + 2) / 5 + 1;
        long month = mp < 10 ? mp + 3 : mp - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        if (year < 0) {
            out.append((byte) '-');
            year = -year;
        }
        if (year > 9999) {
            out.appendLong(year);
        }
        else {
            out.appendPadded(year, 4);
        }
        out.append((byte) '-');
        out.appendPadded(month, 2);
        out.append((byte) '-');
        out.appendPadded(day, 2);
    }

    public static void appendTimestamp(ByteBuilder out, long micros)
    {
        LocalDateTime timestamp = Values.microsToTimestamp(micros);
        appendDate(out, (int) timestamp.toLocalDate().toEpochDay());
        out.append((byte) ' ');
        out.appendPadded(timestamp.getHour(), 2);
        out.append((byte) ':');
        out.appendPadded(timestamp.getMinute(), 2);
        out.append((byte) ':');
        out.appendPadded(timestamp.getSecond(), 2);
        int fraction = timestamp.getNano() / 1000;
        if (fraction != 0) {
            int width = 6;
            while (fraction % 10 == 0) {
                fraction /= 10;
                width--;
            }
            out.append((byte) '.');
            out.appendPadded(fraction, width);
        }
    }

    public static void appendFloating(ByteBuilder out, double value, boolean single)
    {
        out.appendAscii(formatFloating(value, single));
    }

    /** Shortest round-trip text: plain for exponents -5 < e < 16 (always with a fraction digit), else d.ddde+XX. */
    public static String formatFloating(double value, boolean single)
    {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        String text = single ? Float.toString((float) value) : Double.toString(value);
        int exponentAt = text.indexOf('E');
        if (exponentAt < 0) {
            return text;
        }
        int exponent = Integer.parseInt(text.substring(exponentAt + 1));
        if (exponent > -5 && exponent < 16) {
            String plain = new BigDecimal(text).stripTrailingZeros().toPlainString();
            return plain.indexOf('.') < 0 ? plain + ".0" : plain;
        }
        String mantissa = text.substring(0, exponentAt);
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        int magnitude = Math.abs(exponent);
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + (magnitude < 10 ? "0" : "") + magnitude;
    }

    private static void appendBytes(ByteBuilder out, BaseVariableWidthVector vector, int position)
    {
        ArrowBuf offsets = vector.getOffsetBuffer();
        int start = offsets.getInt((long) position * BaseVariableWidthVector.OFFSET_WIDTH);
        int end = offsets.getInt((long) (position + 1) * BaseVariableWidthVector.OFFSET_WIDTH);
        int length = end - start;
        int at = out.extend(length);
        vector.getDataBuffer().getBytes(start, out.bytes(), at, length);
    }
}
