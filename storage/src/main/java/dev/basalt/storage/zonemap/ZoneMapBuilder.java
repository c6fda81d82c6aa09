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
import dev.basalt.spi.value.Values;
import dev.basalt.storage.column.ColumnBuffer;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;

/** Computes the zone map of a column buffer in one pass over its primitive values. */
public final class ZoneMapBuilder
{
    /** Strings longer than this (in UTF-8 bytes) are kept as a shortened bound, so manifests stay small. */
    public static final int MAX_STRING_BYTES = 64;

    private ZoneMapBuilder() {}

    /** The zone map of a buffer, with its distinct-count sketch. */
    public static ZoneMap build(ColumnBuffer buffer, DataType type)
    {
        ZoneMap bounds = bounds(buffer, type);
        DistinctSketch sketch = DistinctSketch.of(buffer);
        return new ZoneMap(bounds.rowCount(), bounds.nullCount(), bounds.min(), bounds.max(), sketch);
    }

    private static ZoneMap bounds(ColumnBuffer buffer, DataType type)
    {
        int rows = buffer.size();
        int nulls = buffer.nullCount();
        if (nulls == rows) {
            return new ZoneMap(rows, nulls, null, null);
        }
        return switch (type) {
            case BooleanType t -> {
                long[] range = longRange(buffer);
                yield new ZoneMap(rows, nulls, range[0] != 0, range[1] != 0);
            }
            case SmallintType t -> integral(buffer, type);
            case IntegerType t -> integral(buffer, type);
            case BigintType t -> integral(buffer, type);
            case DateType t -> integral(buffer, type);
            case TimestampType t -> integral(buffer, type);
            case DecimalType t -> t.isShort() ? integral(buffer, type) : wideDecimal(buffer, t);
            case RealType t -> floating(buffer, true);
            case DoubleType t -> floating(buffer, false);
            case VarcharType t -> strings(buffer);
            case IntervalType t -> new ZoneMap(rows, nulls, null, null);
            // min/max omitted for BLOB: a scan never prunes on them
            case BlobType t -> new ZoneMap(rows, nulls, null, null);
            case NullType t -> new ZoneMap(rows, nulls, null, null);
        };
    }

    /** Signed min and max of the non-null values of a long-backed buffer; {MAX, MIN} when all are null. */
    public static long[] longRange(ColumnBuffer buffer)
    {
        long[] values = buffer.values();
        int rows = buffer.size();
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        if (buffer.nullCount() == 0) {
            for (int i = 0; i < rows; i++) {
                long value = values[i];
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        else {
            for (int i = 0; i < rows; i++) {
                if (!buffer.isNull(i)) {
                    long value = values[i];
                    min = Math.min(min, value);
                    max = Math.max(max, value);
                }
            }
        }
        return new long[] {min, max};
    }

    private static ZoneMap integral(ColumnBuffer buffer, DataType type)
    {
        long[] range = longRange(buffer);
        return new ZoneMap(buffer.size(), buffer.nullCount(), canonical(type, range[0]), canonical(type, range[1]));
    }

    /** The canonical Java value of a long-backed integer-like type. */
    public static Object canonical(DataType type, long value)
    {
        return switch (type) {
            case SmallintType t -> (short) value;
            case IntegerType t -> (int) value;
            case BigintType t -> value;
            case DateType t -> LocalDate.ofEpochDay(value);
            case TimestampType t -> Values.microsToTimestamp(value);
            case DecimalType t -> BigDecimal.valueOf(value, t.scale());
            case BooleanType t -> value != 0;
            default -> throw new IllegalArgumentException("not an integer-like type: " + type);
        };
    }

    private static ZoneMap floating(ColumnBuffer buffer, boolean real)
    {
        long[] values = buffer.values();
        int rows = buffer.size();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        boolean sawNaN = false;
        boolean sawNumber = false;
        boolean hasNulls = buffer.nullCount() > 0;
        for (int i = 0; i < rows; i++) {
            if (hasNulls && buffer.isNull(i)) {
                continue;
            }
            double value = real ? Float.intBitsToFloat((int) values[i]) : Double.longBitsToDouble(values[i]);
            if (value != value) {
                sawNaN = true;
            }
            else {
                sawNumber = true;
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        if (sawNaN) {
            max = Double.NaN;
            if (!sawNumber) {
                min = Double.NaN;
            }
        }
        Object minValue = real ? (Object) (float) min : (Object) min;
        Object maxValue = real ? (Object) (float) max : (Object) max;
        return new ZoneMap(rows, buffer.nullCount(), minValue, maxValue);
    }

    private static ZoneMap wideDecimal(ColumnBuffer buffer, DecimalType type)
    {
        long[] values = buffer.values();
        int rows = buffer.size();
        int minRow = -1;
        int maxRow = -1;
        for (int i = 0; i < rows; i++) {
            if (buffer.isNull(i)) {
                continue;
            }
            if (minRow < 0 || compare128(values, i, minRow) < 0) {
                minRow = i;
            }
            if (maxRow < 0 || compare128(values, i, maxRow) > 0) {
                maxRow = i;
            }
        }
        return new ZoneMap(rows, buffer.nullCount(), decimal128(values, minRow, type.scale()), decimal128(values, maxRow, type.scale()));
    }

    private static int compare128(long[] values, int left, int right)
    {
        int high = Long.compare(values[left * 2 + 1], values[right * 2 + 1]);
        return high != 0 ? high : Long.compareUnsigned(values[left * 2], values[right * 2]);
    }

    private static BigDecimal decimal128(long[] values, int row, int scale)
    {
        long low = values[row * 2];
        long high = values[row * 2 + 1];
        byte[] bigEndian = new byte[16];
        for (int i = 0; i < 8; i++) {
            bigEndian[7 - i] = (byte) (high >>> (i * 8));
            bigEndian[15 - i] = (byte) (low >>> (i * 8));
        }
        return new BigDecimal(new BigInteger(bigEndian), scale);
    }

    private static ZoneMap strings(ColumnBuffer buffer)
    {
        byte[] bytes = buffer.bytes();
        int[] offsets = buffer.offsets();
        int rows = buffer.size();
        int minRow = -1;
        int maxRow = -1;
        boolean hasNulls = buffer.nullCount() > 0;
        for (int i = 0; i < rows; i++) {
            if (hasNulls && buffer.isNull(i)) {
                continue;
            }
            if (minRow < 0) {
                minRow = i;
                maxRow = i;
                continue;
            }
            if (compare(bytes, offsets, i, minRow) < 0) {
                minRow = i;
            }
            else if (compare(bytes, offsets, i, maxRow) > 0) {
                maxRow = i;
            }
        }
        String min = lowerBound(bytes, offsets[minRow], offsets[minRow + 1] - offsets[minRow]);
        String max = upperBound(bytes, offsets[maxRow], offsets[maxRow + 1] - offsets[maxRow]);
        return new ZoneMap(rows, buffer.nullCount(), min, max);
    }

    /** Unsigned byte order of rows {@code left} and {@code right}; the first byte settles most comparisons cheaply. */
    private static int compare(byte[] bytes, int[] offsets, int left, int right)
    {
        int leftStart = offsets[left];
        int leftEnd = offsets[left + 1];
        int rightStart = offsets[right];
        int rightEnd = offsets[right + 1];
        if (leftStart < leftEnd && rightStart < rightEnd) {
            int difference = (bytes[leftStart] & 0xFF) - (bytes[rightStart] & 0xFF);
            if (difference != 0) {
                return difference;
            }
        }
        return Arrays.compareUnsigned(bytes, leftStart, leftEnd, bytes, rightStart, rightEnd);
    }

    /** The string itself, or its longest prefix of at most MAX_STRING_BYTES (a prefix sorts first). */
    static String lowerBound(byte[] bytes, int offset, int length)
    {
        return decodeExactly(bytes, offset, length <= MAX_STRING_BYTES ? length : prefixLength(bytes, offset));
    }

    /** The string, or null when the bytes are not valid UTF-8 (decoding would change their order). */
    private static String decodeExactly(byte[] bytes, int offset, int length)
    {
        String value = new String(bytes, offset, length, StandardCharsets.UTF_8);
        byte[] encoded = value.getBytes(StandardCharsets.UTF_8);
        return Arrays.equals(encoded, 0, encoded.length, bytes, offset, offset + length) ? value : null;
    }

    /**
     * The string itself, or a short string greater than every string with its prefix: the prefix with its last
     * code point incremented. Null (unknown) when no such string exists.
     */
    static String upperBound(byte[] bytes, int offset, int length)
    {
        if (length <= MAX_STRING_BYTES) {
            return decodeExactly(bytes, offset, length);
        }
        String prefix = decodeExactly(bytes, offset, prefixLength(bytes, offset));
        if (prefix == null) {
            return null;
        }
        int[] codePoints = prefix.codePoints().toArray();
        for (int i = codePoints.length - 1; i >= 0; i--) {
            int next = codePoints[i] + 1;
            if (next >= 0xD800 && next <= 0xDFFF) {
                next = 0xE000;
            }
            if (next <= Character.MAX_CODE_POINT) {
                return new String(codePoints, 0, i) + Character.toString(next);
            }
        }
        return null;
    }

    /** Bytes of the longest prefix within MAX_STRING_BYTES that does not split a UTF-8 sequence. */
    private static int prefixLength(byte[] bytes, int offset)
    {
        int length = MAX_STRING_BYTES;
        while (length > 0 && (bytes[offset + length] & 0xC0) == 0x80) {
            length--;
        }
        return length;
    }
}
