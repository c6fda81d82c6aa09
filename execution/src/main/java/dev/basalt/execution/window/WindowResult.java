package dev.basalt.execution.window;

import dev.basalt.execution.vector.Bitmaps;
import dev.basalt.execution.vector.DecimalMath;
import dev.basalt.execution.vector.VectorCopier;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.BigintType;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DecimalType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * One window function's values for all rows, indexed by position in window order (partition, then ORDER BY), in
 * primitive arrays; written out slice by slice as output batches are produced.
 */
public sealed interface WindowResult
        permits WindowResult.Longs, WindowResult.Doubles, WindowResult.Decimals, WindowResult.Rows
{
    /** A new vector of {@code type} holding the values at window positions {@code from..from+count-1}. */
    FieldVector write(DataType type, int from, int count, String name, BufferAllocator allocator);

    /** BIGINT values (or unscaled short decimals); {@code nulls} may be null. */
    record Longs(long[] values, boolean[] nulls)
            implements WindowResult
    {
        @Override
        public FieldVector write(DataType type, int from, int count, String name, BufferAllocator allocator)
        {
            FieldVector vector = Vectors.create(type, name, allocator);
            try {
                Vectors.prepareFixed(vector, count);
                MemorySegment data = Vectors.data(vector);
                MemorySegment validity = Vectors.validityAlways(vector);
                boolean wide = type instanceof DecimalType decimal && !decimal.isShort();
                for (int i = 0; i < count; i++) {
                    boolean isNull = nulls != null && nulls[from + i];
                    Bitmaps.set(validity, i, !isNull);
                    long value = isNull ? 0 : values[from + i];
                    if (wide) {
                        data.setAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, 2L * i, value);
                        data.setAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, 2L * i + 1, value >> 63);
                    }
                    else {
                        data.setAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, i, value);
                    }
                }
                vector.setValueCount(count);
                return vector;
            }
            catch (RuntimeException e) {
                vector.close();
                throw e;
            }
        }
    }

    record Doubles(double[] values, boolean[] nulls)
            implements WindowResult
    {
        @Override
        public FieldVector write(DataType type, int from, int count, String name, BufferAllocator allocator)
        {
            FieldVector vector = Vectors.create(type, name, allocator);
            Vectors.prepareFixed(vector, count);
            MemorySegment data = Vectors.data(vector);
            MemorySegment validity = Vectors.validityAlways(vector);
            for (int i = 0; i < count; i++) {
                boolean isNull = nulls != null && nulls[from + i];
                Bitmaps.set(validity, i, !isNull);
                data.setAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, i, isNull ? 0 : values[from + i]);
            }
            vector.setValueCount(count);
            return vector;
        }
    }

    /** Exact 128-bit sums (high and low words), written as BIGINT or DECIMAL with range checks. */
    record Decimals(long[] high, long[] low, boolean[] nulls)
            implements WindowResult
    {
        @Override
        public FieldVector write(DataType type, int from, int count, String name, BufferAllocator allocator)
        {
            FieldVector vector = Vectors.create(type, name, allocator);
            try {
                Vectors.prepareFixed(vector, count);
                MemorySegment data = Vectors.data(vector);
                MemorySegment validity = Vectors.validityAlways(vector);
                int precision = type instanceof DecimalType decimal ? decimal.precision() : 19;
                boolean wide = type instanceof DecimalType decimal && !decimal.isShort();
                for (int i = 0; i < count; i++) {
                    int at = from + i;
                    boolean isNull = nulls != null && nulls[at];
                    Bitmaps.set(validity, i, !isNull);
                    long h = isNull ? 0 : high[at];
                    long l = isNull ? 0 : low[at];
                    if (wide) {
                        if (!DecimalMath.fits(h, l, precision)) {
                            throw DecimalMath.outOfRange((DecimalType) type);
                        }
                        data.setAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, 2L * i, l);
                        data.setAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, 2L * i + 1, h);
                        continue;
                    }
                    if (!DecimalMath.isLong(h, l) || type instanceof DecimalType && !DecimalMath.fits(l, precision)) {
                        throw type instanceof BigintType
                                ? new BasaltException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "BIGINT out of range")
                                : DecimalMath.outOfRange((DecimalType) type);
                    }
                    data.setAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, i, l);
                }
                vector.setValueCount(count);
                return vector;
            }
            catch (RuntimeException e) {
                vector.close();
                throw e;
            }
        }
    }

    /**
     * Values copied from input rows: {@code rows[i] >= 0} is a row of {@code values}, -1 is NULL, {@code -2 - r}
     * is row r of {@code defaults} (LAG/LEAD's default).
     */
    record Rows(FieldVector values, FieldVector defaults, int[] rows)
            implements WindowResult
    {
        @Override
        public FieldVector write(DataType type, int from, int count, String name, BufferAllocator allocator)
        {
            FieldVector vector = Vectors.create(type, name, allocator);
            try {
                if (defaults == null) {
                    int[] positions = java.util.Arrays.copyOfRange(rows, from, from + count);
                    VectorCopier.copy(type, values, positions, count, vector, 0);
                }
                else {
                    // runs from one source at a time: variable-width targets fill contiguously
                    int[] positions = new int[count];
                    int runStart = 0;
                    while (runStart < count) {
                        boolean fromDefault = rows[from + runStart] <= -2;
                        int runEnd = runStart;
                        while (runEnd < count && (rows[from + runEnd] <= -2) == fromDefault) {
                            int row = rows[from + runEnd];
                            positions[runEnd - runStart] = fromDefault ? -2 - row : row;
                            runEnd++;
                        }
                        VectorCopier.copy(type, fromDefault ? defaults : values, positions, runEnd - runStart, vector, runStart);
                        runStart = runEnd;
                    }
                }
                vector.setValueCount(count);
                return vector;
            }
            catch (RuntimeException e) {
                vector.close();
                throw e;
            }
        }
    }
}
