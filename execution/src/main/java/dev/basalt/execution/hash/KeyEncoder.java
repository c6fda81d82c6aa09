package dev.basalt.execution.hash;

import dev.basalt.execution.vector.Bitmaps;
import dev.basalt.execution.vector.Vectors;
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
import org.apache.arrow.vector.FieldVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/**
 * Turns the key columns of a batch into fixed-width long codes that are equal exactly when the keys are equal
 * (strings through a {@link VarcharDictionary}, doubles with -0.0 and NaN normalized). Three layouts:
 * <ul>
 *   <li>SINGLE: one key of at most 64 bits, one code per row; NULL reported separately.</li>
 *   <li>PACKED: several small keys (booleans, ints, dates, strings' dictionary ids, ...) whose codes plus a NULL
 *       state fit one long together (two CHAR keys as in TPC-H Q1).</li>
 *   <li>MULTI: one or two longs per key plus a word of NULL flags.</li>
 * </ul>
 */
public final class KeyEncoder
{
    public enum Layout
    {
        SINGLE, PACKED, MULTI
    }

    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
    private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED;

    private final List<DataType> types;
    private final Layout layout;
    private final int words;
    private final int[] packedBits;
    private final VarcharDictionary[] dictionaries;

    public KeyEncoder(List<DataType> types)
    {
        this.types = List.copyOf(types);
        this.dictionaries = new VarcharDictionary[types.size()];
        this.packedBits = new int[types.size()];
        int totalBits = 0;
        int totalWords = 0;
        boolean packable = true;
        for (int i = 0; i < types.size(); i++) {
            DataType type = types.get(i);
            if (Vectors.isVariableWidth(type)) {
                dictionaries[i] = new VarcharDictionary();
            }
            packedBits[i] = packedBits(type);
            packable &= packedBits[i] > 0;
            totalBits += Math.max(packedBits[i], 0);
            totalWords += wordsOf(type);
        }
        if (types.size() == 1 && wordsOf(types.get(0)) == 1 && !Vectors.isVariableWidth(types.get(0))) {
            layout = Layout.SINGLE;
            words = 1;
        }
        else if (packable && totalBits <= 64) {
            layout = Layout.PACKED;
            words = 1;
        }
        else {
            layout = Layout.MULTI;
            words = totalWords + 1;
        }
    }

    public Layout layout()
    {
        return layout;
    }

    /** Longs per encoded key. */
    public int words()
    {
        return words;
    }

    /** Bits of a packed code including its NULL state, or -1 when the type cannot be packed. */
    private static int packedBits(DataType type)
    {
        return switch (type) {
            case BooleanType t -> 2;
            case SmallintType t -> 17;
            case IntegerType t -> 33;
            case DateType t -> 33;
            case RealType t -> 33;
            case VarcharType _, BlobType _ -> 32;
            case NullType t -> 1;
            default -> -1;
        };
    }

    private static int wordsOf(DataType type)
    {
        return switch (type) {
            case DecimalType t when !t.isShort() -> 2;
            case IntervalType t -> 2;
            default -> 1;
        };
    }

    private static long normalizedDouble(double value)
    {
        if (value == 0) {
            return 0;
        }
        return Double.isNaN(value) ? 0x7ff8000000000000L : Double.doubleToRawLongBits(value);
    }

    /**
     * Encodes rows {@code rows[0..count)} (null = 0..count-1): codes of row i at {@code codes[i * words()..]},
     * {@code anyNull[i]} when some key is NULL. With {@code add} false, unseen strings are not added and mark the
     * row in {@code absent} (it cannot match anything).
     */
    public void encode(List<FieldVector> keys, int[] rows, int count, boolean add, long[] codes, boolean[] anyNull, boolean[] absent)
    {
        for (int i = 0; i < count; i++) {
            anyNull[i] = false;
            if (absent != null) {
                absent[i] = false;
            }
        }
        switch (layout) {
            case SINGLE -> encodeColumn(0, keys.get(0), rows, count, add, codes, 1, 0, anyNull, absent);
            case PACKED -> {
                for (int i = 0; i < count; i++) {
                    codes[i] = 0;
                }
                for (int k = 0; k < types.size(); k++) {
                    encodePacked(k, keys.get(k), rows, count, add, codes, anyNull, absent);
                }
            }
            case MULTI -> {
                int word = 0;
                for (int i = 0; i < count; i++) {
                    codes[i * words + words - 1] = 0;
                }
                for (int k = 0; k < types.size(); k++) {
                    encodeColumn(k, keys.get(k), rows, count, add, codes, words, word, anyNull, absent);
                    word += wordsOf(types.get(k));
                }
            }
        }
    }

    /** Writes raw codes of key k at word offset {@code word}; in MULTI layout also its bit in the NULL word. */
    private void encodeColumn(int k, FieldVector vector, int[] rows, int count, boolean add, long[] codes, int stride, int word, boolean[] anyNull, boolean[] absent)
    {
        DataType type = types.get(k);
        boolean multi = layout == Layout.MULTI;
        if (type instanceof NullType) {
            for (int i = 0; i < count; i++) {
                codes[i * stride + word] = 0;
                anyNull[i] = true;
                if (multi) {
                    codes[i * stride + stride - 1] |= 1L << k;
                }
            }
            return;
        }
        MemorySegment data = Vectors.data(vector);
        MemorySegment validity = Vectors.validity(vector);
        if (!multi && (type instanceof BigintType || type instanceof TimestampType || type instanceof DecimalType d && d.isShort())) {
            encodeLongs(data, validity, rows, count, codes, stride, word, anyNull);
            return;
        }
        if (!multi && (type instanceof IntegerType || type instanceof DateType)) {
            encodeInts(data, validity, rows, count, codes, stride, word, anyNull);
            return;
        }
        MemorySegment offsets = Vectors.isVariableWidth(type) ? Vectors.offsets(vector) : null;
        for (int i = 0; i < count; i++) {
            int p = rows == null ? i : rows[i];
            int at = i * stride + word;
            if (!Bitmaps.isSet(validity, p)) {
                codes[at] = 0;
                if (wordsOf(type) == 2) {
                    codes[at + 1] = 0;
                }
                anyNull[i] = true;
                if (multi) {
                    codes[i * stride + stride - 1] |= 1L << k;
                }
                continue;
            }
            switch (type) {
                case BooleanType t -> codes[at] = Bitmaps.get(data, p) ? 1 : 0;
                case SmallintType t -> codes[at] = data.getAtIndex(SHORT, p);
                case IntegerType t -> codes[at] = data.getAtIndex(INT, p);
                case DateType t -> codes[at] = data.getAtIndex(INT, p);
                case RealType t -> codes[at] = normalizedDouble(data.getAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED, p));
                case DoubleType t -> codes[at] = normalizedDouble(data.getAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, p));
                case BigintType t -> codes[at] = data.getAtIndex(LONG, p);
                case TimestampType t -> codes[at] = data.getAtIndex(LONG, p);
                case DecimalType t when t.isShort() -> codes[at] = data.getAtIndex(LONG, p);
                case DecimalType t -> {
                    codes[at] = data.getAtIndex(LONG, 2L * p);
                    codes[at + 1] = data.getAtIndex(LONG, 2L * p + 1);
                }
                case IntervalType t -> {
                    codes[at] = data.get(LONG, 16L * p);
                    codes[at + 1] = data.get(LONG, 16L * p + 8);
                }
                case VarcharType _, BlobType _ -> {
                    int start = offsets.getAtIndex(INT, p);
                    int length = offsets.getAtIndex(INT, p + 1) - start;
                    int id = add ? dictionaries[k].getOrAdd(data, start, length) : dictionaries[k].lookup(data, start, length);
                    if (id == 0 && absent != null) {
                        absent[i] = true;
                    }
                    codes[at] = id;
                }
                case NullType t -> codes[at] = 0;
            }
        }
    }

    private void encodePacked(int k, FieldVector vector, int[] rows, int count, boolean add, long[] codes, boolean[] anyNull, boolean[] absent)
    {
        DataType type = types.get(k);
        int bits = packedBits[k];
        if (type instanceof NullType) {
            for (int i = 0; i < count; i++) {
                codes[i] <<= bits;
                anyNull[i] = true;
            }
            return;
        }
        MemorySegment data = Vectors.data(vector);
        MemorySegment validity = Vectors.validity(vector);
        switch (type) {
            case VarcharType _, BlobType _ -> packStrings(dictionaries[k], data, Vectors.offsets(vector), validity, rows, count, add, bits, codes, anyNull, absent);
            case IntegerType t -> packInts(data, validity, rows, count, bits, codes, anyNull);
            case DateType t -> packInts(data, validity, rows, count, bits, codes, anyNull);
            default -> {
                for (int i = 0; i < count; i++) {
                    int p = rows == null ? i : rows[i];
                    long code;
                    if (!Bitmaps.isSet(validity, p)) {
                        code = 0;
                        anyNull[i] = true;
                    }
                    else {
                        code = switch (type) {
                            case BooleanType b -> Bitmaps.get(data, p) ? 2 : 1;
                            case SmallintType s -> (long) data.getAtIndex(SHORT, p) - Short.MIN_VALUE + 1;
                            case RealType r -> {
                                float f = data.getAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED, p);
                                int fbits = f == 0 ? 0 : Float.isNaN(f) ? 0x7fc00000 : Float.floatToRawIntBits(f);
                                yield (fbits & 0xFFFF_FFFFL) + 1;
                            }
                            default -> throw new IllegalStateException("not packable: " + type);
                        };
                    }
                    codes[i] = (codes[i] << bits) | code;
                }
            }
        }
    }

    private static void packInts(MemorySegment data, MemorySegment validity, int[] rows, int count, int bits, long[] codes, boolean[] anyNull)
    {
        for (int i = 0; i < count; i++) {
            int p = rows == null ? i : rows[i];
            long code;
            if (validity != null && !Bitmaps.get(validity, p)) {
                code = 0;
                anyNull[i] = true;
            }
            else {
                code = (long) data.getAtIndex(INT, p) - Integer.MIN_VALUE + 1;
            }
            codes[i] = (codes[i] << bits) | code;
        }
    }

    private static void packStrings(VarcharDictionary dictionary, MemorySegment data, MemorySegment offsets, MemorySegment validity, int[] rows, int count,
            boolean add, int bits, long[] codes, boolean[] anyNull, boolean[] absent)
    {
        for (int i = 0; i < count; i++) {
            int p = rows == null ? i : rows[i];
            long code;
            if (validity != null && !Bitmaps.get(validity, p)) {
                code = 0;
                anyNull[i] = true;
            }
            else {
                int start = offsets.getAtIndex(INT, p);
                int length = offsets.getAtIndex(INT, p + 1) - start;
                int id = add ? dictionary.getOrAdd(data, start, length) : dictionary.lookup(data, start, length);
                if (id == 0 && absent != null) {
                    absent[i] = true;
                }
                code = id;
            }
            codes[i] = (codes[i] << bits) | code;
        }
    }

    private static void encodeLongs(MemorySegment data, MemorySegment validity, int[] rows, int count, long[] codes, int stride, int word, boolean[] anyNull)
    {
        for (int i = 0; i < count; i++) {
            int p = rows == null ? i : rows[i];
            if (validity != null && !Bitmaps.get(validity, p)) {
                codes[i * stride + word] = 0;
                anyNull[i] = true;
            }
            else {
                codes[i * stride + word] = data.getAtIndex(LONG, p);
            }
        }
    }

    private static void encodeInts(MemorySegment data, MemorySegment validity, int[] rows, int count, long[] codes, int stride, int word, boolean[] anyNull)
    {
        for (int i = 0; i < count; i++) {
            int p = rows == null ? i : rows[i];
            if (validity != null && !Bitmaps.get(validity, p)) {
                codes[i * stride + word] = 0;
                anyNull[i] = true;
            }
            else {
                codes[i * stride + word] = data.getAtIndex(INT, p);
            }
        }
    }

    /** Approximate heap bytes of the string dictionaries. */
    public long bytes()
    {
        long bytes = 0;
        for (VarcharDictionary dictionary : dictionaries) {
            if (dictionary != null) {
                bytes += dictionary.bytes();
            }
        }
        return bytes;
    }
}
