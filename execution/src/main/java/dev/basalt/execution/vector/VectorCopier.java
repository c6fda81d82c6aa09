package dev.basalt.execution.vector;

import dev.basalt.spi.type.DataType;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Copies values between vectors of the same SQL type by position: the gather behind compaction (hash build,
 * sort, aggregation keys) and join output. Switches on the physical width once per call; the loops are typed.
 */
public final class VectorCopier
{
    private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED;
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;

    private VectorCopier() {}

    /**
     * Writes source values at {@code positions[0..count)} (null = 0..count-1; a negative position writes NULL) to
     * target positions {@code targetStart..targetStart+count-1}, growing the target and keeping its earlier values.
     * Variable-width targets must have been filled contiguously up to {@code targetStart}. Does not set the value
     * count.
     */
    public static void copy(DataType type, FieldVector source, int[] positions, int count, FieldVector target, int targetStart)
    {
        if (count == 0) {
            return;
        }
        copy(type, source, Vectors.validity(source), positions, count, target, targetStart);
    }

    /**
     * {@link #copy(DataType, FieldVector, int[], int, FieldVector, int)} with the source's validity already known
     * ({@link Vectors#validity}: null = no NULLs), for callers that gather from the same large vector many times
     * (counting its NULLs is a pass over its whole bitmap).
     */
    public static void copy(DataType type, FieldVector source, MemorySegment sourceValidity, int[] positions, int count, FieldVector target, int targetStart)
    {
        int width = Vectors.width(type);
        if (width == Vectors.NONE || count == 0) {
            return;
        }
        if (width == Vectors.VARIABLE) {
            copyVariable(source, sourceValidity, positions, count, target, targetStart);
            return;
        }
        Vectors.ensureFixedCapacity(target, targetStart + count);
        MemorySegment targetValidity = Vectors.validityAlways(target);
        MemorySegment sourceData = Vectors.data(source);
        MemorySegment targetData = Vectors.data(target);
        switch (width) {
            case Vectors.BIT -> {
                for (int i = 0; i < count; i++) {
                    int position = positions == null ? i : positions[i];
                    Bitmaps.set(targetData, targetStart + i, position >= 0 && Bitmaps.get(sourceData, position));
                }
            }
            case 2 -> {
                for (int i = 0; i < count; i++) {
                    int position = positions == null ? i : positions[i];
                    targetData.setAtIndex(SHORT, targetStart + i, position >= 0 ? sourceData.getAtIndex(SHORT, position) : 0);
                }
            }
            case 4 -> {
                for (int i = 0; i < count; i++) {
                    int position = positions == null ? i : positions[i];
                    targetData.setAtIndex(INT, targetStart + i, position >= 0 ? sourceData.getAtIndex(INT, position) : 0);
                }
            }
            case 8 -> {
                for (int i = 0; i < count; i++) {
                    int position = positions == null ? i : positions[i];
                    targetData.setAtIndex(LONG, targetStart + i, position >= 0 ? sourceData.getAtIndex(LONG, position) : 0);
                }
            }
            case 16 -> {
                for (int i = 0; i < count; i++) {
                    int position = positions == null ? i : positions[i];
                    long target16 = 2L * (targetStart + i);
                    if (position >= 0) {
                        targetData.setAtIndex(LONG, target16, sourceData.getAtIndex(LONG, 2L * position));
                        targetData.setAtIndex(LONG, target16 + 1, sourceData.getAtIndex(LONG, 2L * position + 1));
                    }
                    else {
                        targetData.setAtIndex(LONG, target16, 0);
                        targetData.setAtIndex(LONG, target16 + 1, 0);
                    }
                }
            }
            default -> throw new IllegalStateException("unexpected width " + width);
        }
        copyValidity(sourceValidity, positions, count, targetValidity, targetStart);
    }

    private static void copyValidity(MemorySegment sourceValidity, int[] positions, int count, MemorySegment targetValidity, int targetStart)
    {
        if ((targetStart & 7) == 0) {
            copyValidityBytes(sourceValidity, positions, count, targetValidity, targetStart >>> 3);
            return;
        }
        for (int i = 0; i < count; i++) {
            int position = positions == null ? i : positions[i];
            Bitmaps.set(targetValidity, targetStart + i, position >= 0 && Bitmaps.isSet(sourceValidity, position));
        }
    }

    /** Byte-aligned target: assembles 64 bits at a time instead of a read-modify-write per bit. */
    private static void copyValidityBytes(MemorySegment sourceValidity, int[] positions, int count, MemorySegment targetValidity, long targetByte)
    {
        for (int w = 0; w < count; w += 64) {
            int bits = Math.min(64, count - w);
            long word = 0;
            for (int b = 0; b < bits; b++) {
                int position = positions == null ? w + b : positions[w + b];
                boolean present = position >= 0 && Bitmaps.isSet(sourceValidity, position);
                word |= (present ? 1L : 0L) << b;
            }
            long at = targetByte + (w >>> 3);
            if (bits == 64) {
                targetValidity.set(LONG, at, word);
                continue;
            }
            int fullBytes = bits >>> 3;
            for (int k = 0; k < fullBytes; k++) {
                targetValidity.set(ValueLayout.JAVA_BYTE, at + k, (byte) (word >>> (8 * k)));
            }
            int rest = bits & 7;
            if (rest != 0) {
                // keep the bits past the copied range in the last byte
                int mask = (1 << rest) - 1;
                byte old = targetValidity.get(ValueLayout.JAVA_BYTE, at + fullBytes);
                int value = (int) (word >>> (8 * fullBytes)) & mask;
                targetValidity.set(ValueLayout.JAVA_BYTE, at + fullBytes, (byte) ((old & ~mask) | value));
            }
        }
    }

    private static void copyVariable(FieldVector source, MemorySegment sourceValidity, int[] positions, int count, FieldVector target, int targetStart)
    {
        MemorySegment sourceOffsets = Vectors.offsets(source);
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            int position = positions == null ? i : positions[i];
            if (position >= 0) {
                bytes += sourceOffsets.getAtIndex(INT, position + 1) - sourceOffsets.getAtIndex(INT, position);
            }
        }
        BaseVariableWidthVector variable = (BaseVariableWidthVector) target;
        Vectors.ensureVariableCapacity(target, targetStart + count + 1, 0);
        MemorySegment targetOffsets = Vectors.offsets(target);
        int end = targetOffsets.getAtIndex(INT, targetStart);
        if (end + bytes > Integer.MAX_VALUE) {
            throw new IllegalStateException("a VARCHAR column cannot hold more than 2 GB");
        }
        Vectors.ensureVariableCapacity(target, targetStart + count + 1, end + bytes);
        targetOffsets = Vectors.offsets(target);
        MemorySegment targetValidity = Vectors.validityAlways(target);
        MemorySegment targetData = Vectors.data(target);
        MemorySegment sourceData = Vectors.data(source);
        for (int i = 0; i < count; i++) {
            int position = positions == null ? i : positions[i];
            boolean present = position >= 0 && Bitmaps.isSet(sourceValidity, position);
            if (present) {
                int start = sourceOffsets.getAtIndex(INT, position);
                int length = sourceOffsets.getAtIndex(INT, position + 1) - start;
                MemorySegment.copy(sourceData, start, targetData, end, length);
                end += length;
            }
            Bitmaps.set(targetValidity, targetStart + i, present);
            targetOffsets.setAtIndex(INT, targetStart + i + 1, end);
        }
        variable.setLastSet(targetStart + count - 1);
    }

    /**
     * For each visited position p (ascending), writes {@code sources[sourceByPosition[p]]} at p into the target
     * (same position); a negative source index writes NULL. The target must be prepared for the physical row
     * count (fixed width) or be an empty variable-width vector; the caller sets a variable-width value count.
     */
    public static void merge(DataType type, FieldVector[] sources, int[] sourceByPosition, int[] rows, int count, FieldVector target)
    {
        int width = Vectors.width(type);
        if (width == Vectors.NONE) {
            return;
        }
        if (width == Vectors.VARIABLE) {
            org.apache.arrow.vector.BaseVariableWidthVector varchar = (org.apache.arrow.vector.BaseVariableWidthVector) target;
            for (int i = 0; i < count; i++) {
                int position = rows == null ? i : rows[i];
                int source = sourceByPosition[position];
                if (source < 0 || sources[source].isNull(position)) {
                    varchar.setNull(position);
                }
                else {
                    org.apache.arrow.vector.BaseVariableWidthVector from = (org.apache.arrow.vector.BaseVariableWidthVector) sources[source];
                    int start = from.getStartOffset(position);
                    varchar.setSafe(position, start, from.getEndOffset(position) - start, from.getDataBuffer());
                }
            }
            return;
        }
        MemorySegment[] data = new MemorySegment[sources.length];
        MemorySegment[] validity = new MemorySegment[sources.length];
        for (int k = 0; k < sources.length; k++) {
            if (sources[k] != null) {
                data[k] = Vectors.data(sources[k]);
                validity[k] = Vectors.validity(sources[k]);
            }
        }
        MemorySegment targetData = Vectors.data(target);
        MemorySegment targetValidity = Vectors.validityAlways(target);
        for (int i = 0; i < count; i++) {
            int position = rows == null ? i : rows[i];
            int source = sourceByPosition[position];
            if (source < 0 || !Bitmaps.isSet(validity[source], position)) {
                Bitmaps.clear(targetValidity, position);
                continue;
            }
            Bitmaps.set(targetValidity, position);
            MemorySegment from = data[source];
            switch (width) {
                case Vectors.BIT -> Bitmaps.set(targetData, position, Bitmaps.get(from, position));
                case 2 -> targetData.setAtIndex(SHORT, position, from.getAtIndex(SHORT, position));
                case 4 -> targetData.setAtIndex(INT, position, from.getAtIndex(INT, position));
                case 8 -> targetData.setAtIndex(LONG, position, from.getAtIndex(LONG, position));
                default -> {
                    targetData.setAtIndex(LONG, 2L * position, from.getAtIndex(LONG, 2L * position));
                    targetData.setAtIndex(LONG, 2L * position + 1, from.getAtIndex(LONG, 2L * position + 1));
                }
            }
        }
    }
}
