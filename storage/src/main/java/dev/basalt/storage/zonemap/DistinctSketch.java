package dev.basalt.storage.zonemap;

import dev.basalt.storage.column.ColumnBuffer;
import dev.basalt.storage.column.PhysicalKind;
import dev.basalt.storage.format.LittleEndian;

import java.util.Arrays;

/**
 * A HyperLogLog sketch of a chunk's distinct non-null values with {@link #REGISTERS} one-byte registers (about
 * 13% standard error), small enough to keep in the manifest next to every zone map. Sketches of chunks merge
 * by register-wise max into the sketch of their union, which is how {@code Table.statistics()} gets its
 * distinct counts. Values hash by their SQL value: -0.0 equals 0.0 and all NaNs are one value.
 * Immutable once built.
 */
public final class DistinctSketch
{
    public static final int REGISTERS = 64;
    private static final int INDEX_BITS = 6;
    private static final double ALPHA = 0.709;

    private final byte[] registers;

    private DistinctSketch(byte[] registers)
    {
        this.registers = registers;
    }

    /** A sketch from stored registers (copied); each must be at most 64 - 6 + 1. */
    public static DistinctSketch of(byte[] registers)
    {
        if (registers.length != REGISTERS) {
            throw new IllegalArgumentException("sketch has " + registers.length + " registers, expected " + REGISTERS);
        }
        for (byte register : registers) {
            if (register < 0 || register > 64 - INDEX_BITS + 1) {
                throw new IllegalArgumentException("invalid sketch register " + register);
            }
        }
        return new DistinctSketch(registers.clone());
    }

    public static DistinctSketch empty()
    {
        return new DistinctSketch(new byte[REGISTERS]);
    }

    /** The registers (a copy), for storing. */
    public byte[] registers()
    {
        return registers.clone();
    }

    /** Sketch of the non-null values of a buffer, or null for kinds without one (NULL). */
    public static DistinctSketch of(ColumnBuffer buffer)
    {
        PhysicalKind kind = buffer.kind();
        if (kind == PhysicalKind.NULL) {
            return null;
        }
        byte[] registers = new byte[REGISTERS];
        int rows = buffer.size();
        boolean hasNulls = buffer.nullCount() > 0;
        long[] values = buffer.values();
        switch (kind) {
            case BOOLEAN, INT16, INT32, INT64 -> {
                for (int i = 0; i < rows; i++) {
                    if (!(hasNulls && buffer.isNull(i))) {
                        add(registers, mix(values[i]));
                    }
                }
            }
            case FLOAT32 -> {
                for (int i = 0; i < rows; i++) {
                    if (!(hasNulls && buffer.isNull(i))) {
                        float value = Float.intBitsToFloat((int) values[i]);
                        add(registers, mix(value == 0 ? 0 : Float.floatToIntBits(value)));
                    }
                }
            }
            case FLOAT64 -> {
                for (int i = 0; i < rows; i++) {
                    if (!(hasNulls && buffer.isNull(i))) {
                        double value = Double.longBitsToDouble(values[i]);
                        add(registers, mix(value == 0 ? 0 : Double.doubleToLongBits(value)));
                    }
                }
            }
            case INT128, INTERVAL -> {
                for (int i = 0; i < rows; i++) {
                    if (!(hasNulls && buffer.isNull(i))) {
                        add(registers, mix(values[i * 2] ^ mix(values[i * 2 + 1] + 0x9E3779B97F4A7C15L)));
                    }
                }
            }
            case VARBINARY -> {
                byte[] bytes = buffer.bytes();
                int[] offsets = buffer.offsets();
                for (int i = 0; i < rows; i++) {
                    if (!(hasNulls && buffer.isNull(i))) {
                        add(registers, hash(bytes, offsets[i], offsets[i + 1] - offsets[i]));
                    }
                }
            }
            case NULL -> { }
        }
        return new DistinctSketch(registers);
    }

    private static void add(byte[] registers, long hash)
    {
        int index = (int) (hash >>> (64 - INDEX_BITS));
        int rank = Long.numberOfLeadingZeros((hash << INDEX_BITS) | (1L << (INDEX_BITS - 1))) + 1;
        if (rank > registers[index]) {
            registers[index] = (byte) rank;
        }
    }

    /** MurmurHash3's 64-bit finalizer: every input bit affects every output bit. */
    public static long mix(long value)
    {
        long h = value;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }

    /** A 64-bit hash of a byte range (8-byte words, mixed, then finalized). */
    public static long hash(byte[] bytes, int offset, int length)
    {
        long h = 0x27D4EB2F165667C5L ^ (length * 0x9E3779B97F4A7C15L);
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            h = Long.rotateLeft(h ^ mix(LittleEndian.getLong(bytes, offset + i)), 27) * 5 + 0x52DCE729L;
        }
        long tail = 0;
        for (int shift = 0; i < length; i++, shift += 8) {
            tail |= (bytes[offset + i] & 0xFFL) << shift;
        }
        return mix(h ^ mix(tail + length));
    }

    public DistinctSketch merge(DistinctSketch other)
    {
        byte[] merged = new byte[REGISTERS];
        for (int i = 0; i < REGISTERS; i++) {
            merged[i] = (byte) Math.max(registers[i], other.registers[i]);
        }
        return new DistinctSketch(merged);
    }

    /** The estimated number of distinct values (linear counting while registers are still empty). */
    public long estimate()
    {
        double sum = 0;
        int zeros = 0;
        for (byte register : registers) {
            sum += Math.scalb(1.0, -register);
            if (register == 0) {
                zeros++;
            }
        }
        if (zeros == REGISTERS) {
            return 0;
        }
        double estimate = ALPHA * REGISTERS * REGISTERS / sum;
        if (estimate <= 2.5 * REGISTERS && zeros > 0) {
            estimate = REGISTERS * Math.log((double) REGISTERS / zeros);
        }
        return Math.max(1, Math.round(estimate));
    }

    @Override
    public boolean equals(Object other)
    {
        return other instanceof DistinctSketch sketch && Arrays.equals(registers, sketch.registers);
    }

    @Override
    public int hashCode()
    {
        return Arrays.hashCode(registers);
    }

    @Override
    public String toString()
    {
        return "DistinctSketch[~" + estimate() + "]";
    }
}
