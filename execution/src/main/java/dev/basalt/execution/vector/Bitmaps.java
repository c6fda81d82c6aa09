package dev.basalt.execution.vector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** Word-at-a-time operations on Arrow bitmaps (validity and BOOLEAN data), least significant bit first. */
public final class Bitmaps
{
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final ValueLayout.OfByte BYTE = ValueLayout.JAVA_BYTE;

    private Bitmaps() {}

    public static int bytes(int bits)
    {
        return (bits + 7) >>> 3;
    }

    public static boolean get(MemorySegment bitmap, int position)
    {
        return ((bitmap.get(BYTE, position >>> 3) >> (position & 7)) & 1) != 0;
    }

    /** True when the bitmap is null (all set) or has the bit set. */
    public static boolean isSet(MemorySegment bitmapOrNull, int position)
    {
        return bitmapOrNull == null || ((bitmapOrNull.get(BYTE, position >>> 3) >> (position & 7)) & 1) != 0;
    }

    public static void set(MemorySegment bitmap, int position)
    {
        long index = position >>> 3;
        bitmap.set(BYTE, index, (byte) (bitmap.get(BYTE, index) | (1 << (position & 7))));
    }

    public static void clear(MemorySegment bitmap, int position)
    {
        long index = position >>> 3;
        bitmap.set(BYTE, index, (byte) (bitmap.get(BYTE, index) & ~(1 << (position & 7))));
    }

    public static void set(MemorySegment bitmap, int position, boolean value)
    {
        long index = position >>> 3;
        int mask = 1 << (position & 7);
        byte old = bitmap.get(BYTE, index);
        bitmap.set(BYTE, index, (byte) (value ? old | mask : old & ~mask));
    }

    /** Sets bits 0..count-1 (and possibly a few more in the last byte). */
    public static void setAll(MemorySegment bitmap, int count)
    {
        bitmap.asSlice(0, bytes(count)).fill((byte) -1);
    }

    public static void clearAll(MemorySegment bitmap, int count)
    {
        bitmap.asSlice(0, bytes(count)).fill((byte) 0);
    }

    /** out = source (bits 0..count-1); a null source means all set. */
    public static void copy(MemorySegment sourceOrNull, MemorySegment out, int count)
    {
        if (sourceOrNull == null) {
            setAll(out, count);
        }
        else {
            MemorySegment.copy(sourceOrNull, 0, out, 0, bytes(count));
        }
    }

    /** out = a AND b over bits 0..count-1; null operands mean all set. */
    public static void and(MemorySegment a, MemorySegment b, MemorySegment out, int count)
    {
        if (a == null) {
            copy(b, out, count);
            return;
        }
        if (b == null) {
            copy(a, out, count);
            return;
        }
        int bytes = bytes(count);
        int words = bytes >>> 3;
        for (int w = 0; w < words; w++) {
            out.setAtIndex(LONG, w, a.getAtIndex(LONG, w) & b.getAtIndex(LONG, w));
        }
        for (int i = words << 3; i < bytes; i++) {
            out.set(BYTE, i, (byte) (a.get(BYTE, i) & b.get(BYTE, i)));
        }
    }

    /** out = out AND a over bits 0..count-1; a null operand leaves out unchanged. */
    public static void andInto(MemorySegment a, MemorySegment out, int count)
    {
        if (a == null) {
            return;
        }
        and(a, out, out, count);
    }

    /** Number of set bits among 0..count-1. */
    public static int count(MemorySegment bitmap, int count)
    {
        int words = count >>> 6;
        int n = 0;
        for (int w = 0; w < words; w++) {
            n += Long.bitCount(bitmap.getAtIndex(LONG, w));
        }
        for (int i = words << 6; i < count; i++) {
            n += get(bitmap, i) ? 1 : 0;
        }
        return n;
    }
}
