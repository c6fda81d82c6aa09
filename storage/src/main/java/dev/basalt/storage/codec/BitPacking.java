package dev.basalt.storage.codec;

import dev.basalt.storage.column.ArrowBuffers;
import dev.basalt.storage.format.ByteSink;
import dev.basalt.storage.format.LittleEndian;

import org.apache.arrow.memory.ArrowBuf;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Packs unsigned values of 0..56 bits back to back (LSB first). Every packed section is followed by 8 zero
 * bytes so that the decoder can always load a whole 64-bit word: one unaligned load, a shift and a mask per
 * value, with no branch.
 */
public final class BitPacking
{
    /** Widest value the single-load decoder handles (a value plus a 7-bit shift must fit a 64-bit word). */
    public static final int MAX_BITS = 56;
    public static final int PADDING = 8;

    private BitPacking() {}

    /** Bits needed for an unsigned value (0 for 0). */
    public static int bitsFor(long unsignedMax)
    {
        return 64 - Long.numberOfLeadingZeros(unsignedMax);
    }

    /** Bytes of a packed section including its padding. */
    public static long packedSize(int count, int bits)
    {
        return (((long) count * bits + 7) >>> 3) + PADDING;
    }

    /** Writes values[i] - base for i in [0, count), each of which must lie in [0, 2^bits). */
    public static void pack(long[] values, int count, long base, int bits, ByteSink out)
    {
        checkBits(bits);
        int size = Math.toIntExact(packedSize(count, bits));
        int start = out.reserve(size);
        if (bits == 0) {
            return;
        }
        byte[] target = out.array();
        int position = start;
        long accumulator = 0;
        int used = 0;
        for (int i = 0; i < count; i++) {
            long value = values[i] - base;
            accumulator |= value << used;
            used += bits;
            if (used >= 64) {
                LittleEndian.putLong(target, position, accumulator);
                position += 8;
                used -= 64;
                accumulator = used == 0 ? 0 : value >>> (bits - used);
            }
        }
        for (int shift = 0; shift < used; shift += 8) {
            target[position++] = (byte) (accumulator >>> shift);
        }
    }

    /** Packs int codes (dictionary indexes). */
    public static void pack(int[] values, int count, int bits, ByteSink out)
    {
        checkBits(bits);
        int size = Math.toIntExact(packedSize(count, bits));
        int start = out.reserve(size);
        if (bits == 0) {
            return;
        }
        byte[] target = out.array();
        int position = start;
        long accumulator = 0;
        int used = 0;
        for (int i = 0; i < count; i++) {
            long value = values[i] & 0xFFFFFFFFL;
            accumulator |= value << used;
            used += bits;
            if (used >= 64) {
                LittleEndian.putLong(target, position, accumulator);
                position += 8;
                used -= 64;
                accumulator = used == 0 ? 0 : value >>> (bits - used);
            }
        }
        for (int shift = 0; shift < used; shift += 8) {
            target[position++] = (byte) (accumulator >>> shift);
        }
    }

    private static void checkBits(int bits)
    {
        if (bits < 0 || bits > MAX_BITS) {
            throw new IllegalArgumentException("bit width " + bits + " outside 0.." + MAX_BITS);
        }
    }

    /** Decodes values [start, start+count) as base + packed into a long array. */
    public static void unpack(byte[] source, int offset, int bits, int start, int count, long base, long[] target)
    {
        long mask = (1L << bits) - 1;
        long bitPosition = (long) start * bits;
        for (int i = 0; i < count; i++) {
            long word = LittleEndian.getLong(source, offset + (int) (bitPosition >>> 3));
            target[i] = base + ((word >>> (bitPosition & 7)) & mask);
            bitPosition += bits;
        }
    }

    /** Decodes values [start, start+count) into an int array (dictionary codes, lengths). */
    public static void unpack(byte[] source, int offset, int bits, int start, int count, int[] target)
    {
        long mask = (1L << bits) - 1;
        long bitPosition = (long) start * bits;
        for (int i = 0; i < count; i++) {
            long word = LittleEndian.getLong(source, offset + (int) (bitPosition >>> 3));
            target[i] = (int) ((word >>> (bitPosition & 7)) & mask);
            bitPosition += bits;
        }
    }

    /**
     * Writes longs into an Arrow data buffer as 2-, 4- or 8-byte little-endian values: narrowing happens in a
     * tight loop on a heap array, then one bulk copy (per-element segment stores are not optimized as well).
     * {@code scratch} must hold count * width bytes (unused for width 8).
     */
    public static void copyNarrowed(long[] values, int count, byte[] scratch, ArrowBuf target, int width)
    {
        switch (width) {
            case 8 -> MemorySegment.copy(values, 0, ArrowBuffers.segment(target, (long) count * 8), ValueLayout.JAVA_LONG_UNALIGNED, 0, count);
            case 4 -> {
                for (int i = 0; i < count; i++) {
                    LittleEndian.putInt(scratch, i << 2, (int) values[i]);
                }
                target.setBytes(0, scratch, 0, (long) count * 4);
            }
            case 2 -> {
                for (int i = 0; i < count; i++) {
                    LittleEndian.putShort(scratch, i << 1, (short) values[i]);
                }
                target.setBytes(0, scratch, 0, (long) count * 2);
            }
            default -> throw new IllegalArgumentException("width " + width);
        }
    }
}
