package dev.basalt.engine.csv;

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
import dev.basalt.spi.value.Values;
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
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Parses the text of one CSV field straight into a column vector, per column type. Works on the bytes of the
 * field; returns a status instead of throwing so that the loader can name file, line and column in its error.
 * Numbers, dates and booleans may be surrounded by blanks; strings are taken verbatim.
 */
public abstract sealed class FieldParser
{
    public static final int OK = 0;
    public static final int INVALID = 1;
    public static final int OUT_OF_RANGE = 2;

    /** Parses data[start, end) into row {@code row} of the vector; returns OK, INVALID or OUT_OF_RANGE. */
    public abstract int parse(byte[] data, int start, int end, int row);

    public abstract void setNull(int row);

    public static FieldParser create(DataType type, FieldVector vector)
    {
        return switch (type) {
            case BooleanType t -> new BooleanParser((BitVector) vector);
            case SmallintType t -> new SmallintParser((SmallIntVector) vector);
            case IntegerType t -> new IntegerParser((IntVector) vector);
            case BigintType t -> new BigintParser((BigIntVector) vector);
            case RealType t -> new RealParser((Float4Vector) vector);
            case DoubleType t -> new DoubleParser((Float8Vector) vector);
            case DecimalType t -> t.isShort() ? new ShortDecimalParser((BigIntVector) vector, t) : new LongDecimalParser((DecimalVector) vector, t);
            case VarcharType t -> new VarcharParser((VarCharVector) vector);
            case BlobType t -> new BlobParser((VarBinaryVector) vector);
            case DateType t -> new DateParser((DateDayVector) vector);
            case TimestampType t -> new TimestampParser((TimeStampMicroVector) vector);
            case IntervalType t -> throw new BasaltException(ErrorCode.FEATURE_NOT_SUPPORTED, "not supported yet: COPY of INTERVAL columns");
            case NullType t -> throw new BasaltException(ErrorCode.FEATURE_NOT_SUPPORTED, "not supported yet: COPY of NULL-typed columns");
        };
    }

    // ---- shared helpers (static, allocation-free) ----

    static int skipBlanksForward(byte[] data, int start, int end)
    {
        while (start < end && (data[start] == ' ' || data[start] == '\t')) {
            start++;
        }
        return start;
    }

    static int skipBlanksBackward(byte[] data, int start, int end)
    {
        while (end > start && (data[end - 1] == ' ' || data[end - 1] == '\t')) {
            end--;
        }
        return end;
    }

    static String ascii(byte[] data, int start, int end)
    {
        return new String(data, start, end - start, StandardCharsets.UTF_8).trim();
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    static long epochDay(long year, int month, int day)
    {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146097 + dayOfEra - 719468;
    }

    static int daysInMonth(long year, int month)
    {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Integer parsing shared by SMALLINT/INTEGER/BIGINT: sets {@link #value} and returns a status. */
    abstract static sealed class IntegralParser extends FieldParser
    {
        long value;

        final int parseLong(byte[] data, int start, int end)
        {
            start = skipBlanksForward(data, start, end);
            end = skipBlanksBackward(data, start, end);
            if (start == end) {
                return INVALID;
            }
            boolean negative = false;
            if (data[start] == '-' || data[start] == '+') {
                negative = data[start] == '-';
                start++;
                if (start == end) {
                    return INVALID;
                }
            }
            // accumulate negatively so that Long.MIN_VALUE parses
            long result = 0;
            for (int i = start; i < end; i++) {
                int digit = data[i] - '0';
                if (digit < 0 || digit > 9) {
                    return INVALID;
                }
                if (result < (Long.MIN_VALUE + digit) / 10) {
                    return hasOnlyDigits(data, i + 1, end) ? OUT_OF_RANGE : INVALID;
                }
                result = result * 10 - digit;
            }
            if (!negative) {
                if (result == Long.MIN_VALUE) {
                    return OUT_OF_RANGE;
                }
                result = -result;
            }
            value = result;
            return OK;
        }

        private static boolean hasOnlyDigits(byte[] data, int start, int end)
        {
            for (int i = start; i < end; i++) {
                if (data[i] < '0' || data[i] > '9') {
                    return false;
                }
            }
            return true;
        }
    }

    static final class SmallintParser extends IntegralParser
    {
        private final SmallIntVector vector;

        SmallintParser(SmallIntVector vector)
        {
            this.vector = vector;
        }

        @Override
        public int parse(byte[] data, int start, int end, int row)
        {
            int status = parseLong(data, start, end);
            if (status != OK) {
                return status;
            }
            if (value < Short.MIN_VALUE || value > Short.MAX_VALUE) {
                return OUT_OF_RANGE;
            }
            vector.setSafe(row, (short) value);
            return OK;
        }

        @Override
        public void setNull(int row)
        {
            vector.setNull(row);
        }
    }

    static final class IntegerParser extends IntegralParser
    {
        private final IntVector vector;

        IntegerParser(IntVector vector)
        {
            this.vector = vector;
        }

        @Override
        public int parse(byte[] data, int start, int end, int row)
        {
            int status = parseLong(data, start, end);
            if (status != OK) {
                return status;
            }
            if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                return OUT_OF_RANGE;
            }
            vector.setSafe(row, (int) value);
            return OK;
        }

        @Override
        public void setNull(int row)
        {
            vector.setNull(row);
        }
    }

    static final class BigintParser extends IntegralParser
    {
        private final BigIntVector vector;

        BigintParser(BigIntVector vector)
        {
            this.vector = vector;
        }

        @Override
        public int parse(byte[] data, int start, int end, int row)
        {
            int status = parseLong(data, start, end);
            if (status == OK) {
                vector.setSafe(row, value);
            }
            return status;
        }

        @Override
        public void setNull(int row)
        {
            vector.setNull(row);
        }
    }

    static final class BooleanParser extends FieldParser
    {
        private final BitVector vector;

        BooleanParser(BitVector vector)
        {
            this.vector = vector;
        }

        @Override
        public int parse(byte[] data, int start, int end, int row)
        {
            switch (ascii(data, start, end).toLowerCase(Locale.ROOT)) {
                case "true", "t", "yes", "y", "on", "1" -> vector.setSafe(row, 1);
                case "false", "f", "no", "n", "off", "0" -> vector.setSafe(row, 0);
                default -> {
                    return INVALID;
                }
            }
            return OK;
        }

        @Override
        public void setNull(int row)
        {
            vector.setNull(row);
        }
    }

    /** Floating point: Java's parser, restricted to plain decimal syntax plus inf/nan spellings. */
    abstract static sealed class FloatingParser extends FieldParser
    {
        double value;

        final int parseDouble(byte[] data, int start, int end)
        {
            start = skipBlanksForward(data, start, end);
            end = skipBlanksBackward(data, start, end);
            if (start == end) {
                return INVALID;
            }
            for (int i = start; i < end; i++) {
                byte b = data[i];
                if (!((b >= '0' && b <= '9') || b == '.' || b == '-' || b == '+' || b == 'e' || b == 'E')) {
                    return special(ascii(data, start, end).toLowerCase(Locale.ROOT));
                }
            }
            try {
                value = Double.parseDouble(new String(data, start, end - start, StandardCharsets.ISO_8859_1));
                return OK;
            }
            catch (NumberFormatException e) {
                return INVALID;
            }
        }

        private int special(String text)
        {
            switch (text) {
                case "inf", "+inf", "infinity", "+infinity" -> value = Double.POSITIVE_INFINITY;
                case "-inf", "-infinity" -> value = Double.NEGATIVE_INFINITY;
                case "nan", "+nan", "-nan" -> value = Double.NaN;
                default -> {
                    return INVALID;
                }
            }
            return OK;
        }
    }

    static final class RealParser extends FloatingParser
    {
        private final Float4Vector vector;

        RealParser(Float4Vector vector)
        {
            this.vector = vector;
        }

        @Override
        public int parse(byte[] data, int start, int end, int row)
        {
            int status = parseDouble(data, start, end);
            if (status != OK) {
                return status;
            }
            float narrowed = (float) value;
            if (Float.isInfinite(narrowed) && !Double.isInfinite(value)) {
                return OUT_OF_RANGE;
            }
            vector.setSafe(row, narrowed);
            return OK;
        }

        @Override
        public void setNull(int row)
        {
            vector.setNull(row);
        }
    }

    static final class DoubleParser extends FloatingParser
    {
        private final Float8Vector vector;

        DoubleParser(Float8Vector vector)
        {
            this.vector = vector;
        }

        @Override
        public int parse(byte[] data, int start, int end, int row)
        {
            int status = parseDouble(data, start, end);
            if (status == OK) {
                vector.setSafe(row, value);
            }
            return status;
        }

        @Override
        public void setNull(int row)
        {
            vector.setNull(row);
        }
    }

    /** DECIMAL(p<=18): digits straight to the unscaled long, rounding half away from zero beyond the scale. */
    static final class ShortDecimalParser extends FieldParser
    {
        private static final int SLOW = -1;

        private final BigIntVector vector;
        private final DecimalType type;
        private final long bound;
        private long value;

        ShortDecimalParser(BigIntVector vector, DecimalType type)
        {
            this.vector = vector;
            this.type = type;
            this.bound = BigDecimal.TEN.pow(type.precision()).longValueExact();
        }

        @Override
        public int parse(byte[] data, int start, int end, int row)
        {
            int status = fast(data, start, end);
            if (status == SLOW) {
                status = slow(data, start, end);
            }
            if (status == OK) {
                vector.setSafe(row, value);
            }
            return status;
        }

        private int fast(byte[] data, int start, int end)
        {
            start = skipBlanksForward(data, start, end);
            end = skipBlanksBackward(data, start, end);
            if (start == end) {
                return INVALID;
            }
            boolean negative = false;
            if (data[start] == '-' || data[start] == '+') {
                negative = data[start] == '-';
                start++;
            }
            long unscaled = 0;
            int digits = 0;
            int i = start;
            while (i < end && data[i] >= '0' && data[i] <= '9') {
                if (unscaled > 99_999_999_999_999_999L) {
                    return SLOW;
                }
                unscaled = unscaled * 10 + (data[i] - '0');
                digits++;
                i++;
            }
            int fraction = 0;
            boolean roundUp = false;
            if (i < end && data[i] == '.') {
                i++;
                while (i < end && data[i] >= '0' && data[i] <= '9') {
                    if (fraction < type.scale()) {
                        if (unscaled > 99_999_999_999_999_999L) {
                            return SLOW;
                        }
                        unscaled = unscaled * 10 + (data[i] - '0');
                        fraction++;
                    }
                    else if (fraction == type.scale()) {
                        roundUp = data[i] >= '5';
                        fraction++;
                    }
                    digits++;
                    i++;
                }
            }
            if (i < end) {
                return (data[i] == 'e' || data[i] == 'E') ? SLOW : INVALID;
            }
            if (digits == 0) {
                return INVALID;
            }
            for (int f = Math.min(fraction, type.scale()); f < type.scale(); f++) {
                if (unscaled > 99_999_999_999_999_999L) {
                    return SLOW;
                }
                unscaled *= 10;
            }
            if (roundUp) {
                unscaled++;
            }
            if (unscaled >= bound) {
                return OUT_OF_RANGE;
            }
            value = negative ? -unscaled : unscaled;
            return OK;
        }

        private int slow(byte[] data, int start, int end)
        {
            BigDecimal decimal;
            try {
                decimal = new BigDecimal(ascii(data, start, end)).setScale(type.scale(), RoundingMode.HALF_UP);
            }
            catch (NumberFormatException | ArithmeticException e) {
                return INVALID;
            }
            if (decimal.precision() - decimal.scale() > type.precision() - type.scale()) {
                return OUT_OF_RANGE;
            }
            value = decimal.unscaledValue().longValueExact();
            return OK;
        }

        @Override
        public void setNull(int row)
        {
            vector.setNull(row);
        }
    }

    static final class LongDecimalParser extends FieldParser
    {
        private final DecimalVector vector;
        private final DecimalType type;

        LongDecimalParser(DecimalVector vector, DecimalType type)
        {
            this.vector = vector;
            this.type = type;
        }

        @Override
        public int parse(byte[] data, int start, int end, int row)
        {
            BigDecimal decimal;
            try {
                decimal = new BigDecimal(ascii(data, start, end)).setScale(type.scale(), RoundingMode.HALF_UP);
            }
            catch (NumberFormatException | ArithmeticException e) {
                return INVALID;
            }
            if (decimal.precision() - decimal.scale() > type.precision() - type.scale()) {
                return OUT_OF_RANGE;
            }
            vector.setSafe(row, decimal);
            return OK;
        }

        @Override
        public void setNull(int row)
        {
            vector.setNull(row);
        }
    }

    static final class VarcharParser extends FieldParser
    {
        private final VarCharVector vector;

        VarcharParser(VarCharVector vector)
        {
            this.vector = vector;
        }

        @Override
        public int parse(byte[] data, int start, int end, int row)
        {
            vector.setSafe(row, data, start, end - start);
            return OK;
        }

        @Override
        public void setNull(int row)
        {
            vector.setNull(row);
        }
    }

    /** BLOB in its text form (DuckDB's): raw ASCII and {@code \xHH} escapes. */
    static final class BlobParser extends FieldParser
    {
        private final VarBinaryVector vector;

        BlobParser(VarBinaryVector vector)
        {
            this.vector = vector;
        }

        @Override
        public int parse(byte[] data, int start, int end, int row)
        {
            byte[] bytes;
            try {
                bytes = Blobs.fromText(new String(data, start, end - start, StandardCharsets.UTF_8));
            }
            catch (BasaltException e) {
                return INVALID;
            }
            vector.setSafe(row, bytes);
            return OK;
        }

        @Override
        public void setNull(int row)
        {
            vector.setNull(row);
        }
    }

    /** DATE as [-]Y-M-D (ISO), validated, straight to epoch days. */
    static final class DateParser extends FieldParser
    {
        private final DateDayVector vector;

        DateParser(DateDayVector vector)
        {
            this.vector = vector;
        }

        @Override
        public int parse(byte[] data, int start, int end, int row)
        {
            start = skipBlanksForward(data, start, end);
            end = skipBlanksBackward(data, start, end);
            int i = start;
            boolean negative = i < end && data[i] == '-';
            if (negative) {
                i++;
            }
            long year = 0;
            int yearDigits = 0;
            while (i < end && data[i] >= '0' && data[i] <= '9' && yearDigits < 9) {
                year = year * 10 + (data[i++] - '0');
                yearDigits++;
            }
            if (yearDigits == 0 || i >= end || data[i++] != '-') {
                return INVALID;
            }
            int month = 0;
            int monthDigits = 0;
            while (i < end && data[i] >= '0' && data[i] <= '9' && monthDigits < 2) {
                month = month * 10 + (data[i++] - '0');
                monthDigits++;
            }
            if (monthDigits == 0 || i >= end || data[i++] != '-') {
                return INVALID;
            }
            int day = 0;
            int dayDigits = 0;
            while (i < end && data[i] >= '0' && data[i] <= '9' && dayDigits < 2) {
                day = day * 10 + (data[i++] - '0');
                dayDigits++;
            }
            if (dayDigits == 0 || i != end) {
                return INVALID;
            }
            if (negative) {
                year = -year;
            }
            if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
                return OUT_OF_RANGE;
            }
            long epochDay = epochDay(year, month, day);
            if (epochDay < Integer.MIN_VALUE || epochDay > Integer.MAX_VALUE) {
                return OUT_OF_RANGE;
            }
            vector.setSafe(row, (int) epochDay);
            return OK;
        }

        @Override
        public void setNull(int row)
        {
            vector.setNull(row);
        }
    }

    /** TIMESTAMP as {@code yyyy-mm-dd[ hh:mm[:ss[.fraction]]]} (a 'T' works too); the rare, slow path. */
    static final class TimestampParser extends FieldParser
    {
        private final TimeStampMicroVector vector;

        TimestampParser(TimeStampMicroVector vector)
        {
            this.vector = vector;
        }

        @Override
        public int parse(byte[] data, int start, int end, int row)
        {
            String text = ascii(data, start, end);
            LocalDateTime timestamp;
            try {
                timestamp = text.length() <= 10 ? LocalDate.parse(text).atStartOfDay() : LocalDateTime.parse(text.replace(' ', 'T'));
            }
            catch (DateTimeParseException e) {
                return INVALID;
            }
            vector.setSafe(row, Values.timestampToMicros(timestamp));
            return OK;
        }

        @Override
        public void setNull(int row)
        {
            vector.setNull(row);
        }
    }
}
