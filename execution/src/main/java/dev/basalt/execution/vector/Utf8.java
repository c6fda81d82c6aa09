package dev.basalt.execution.vector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** Byte-level helpers for UTF-8 strings held in Arrow buffers: ordering, searching and character counting. */
public final class Utf8
{
    private static final ValueLayout.OfByte BYTE = ValueLayout.JAVA_BYTE;

    private Utf8() {}

    /** Unsigned lexicographic comparison of two byte ranges (= code point order for valid UTF-8). */
    public static int compare(MemorySegment a, long aStart, long aLength, MemorySegment b, long bStart, long bLength)
    {
        long mismatch = MemorySegment.mismatch(a, aStart, aStart + aLength, b, bStart, bStart + bLength);
        if (mismatch == -1) {
            return 0;
        }
        if (mismatch == aLength) {
            return -1;
        }
        if (mismatch == bLength) {
            return 1;
        }
        return Integer.compare(a.get(BYTE, aStart + mismatch) & 0xFF, b.get(BYTE, bStart + mismatch) & 0xFF);
    }

    public static boolean equals(MemorySegment a, long aStart, long aLength, MemorySegment b, long bStart, long bLength)
    {
        return aLength == bLength && MemorySegment.mismatch(a, aStart, aStart + aLength, b, bStart, bStart + bLength) == -1;
    }

    /** First index >= from where needle occurs within [start, start+length) of haystack, relative to start; -1 if none. */
    public static long indexOf(MemorySegment haystack, long start, long length, long from, MemorySegment needle, long needleLength)
    {
        if (needleLength == 0) {
            return from <= length ? from : -1;
        }
        byte first = needle.get(BYTE, 0);
        long last = length - needleLength;
        for (long i = from; i <= last; i++) {
            if (haystack.get(BYTE, start + i) == first
                    && MemorySegment.mismatch(haystack, start + i, start + i + needleLength, needle, 0, needleLength) == -1) {
                return i;
            }
        }
        return -1;
    }

    public static boolean isContinuation(byte b)
    {
        return (b & 0xC0) == 0x80;
    }

    /** True when every byte is ASCII (character index = byte index). */
    public static boolean isAscii(MemorySegment data, long start, long length)
    {
        long i = 0;
        for (; i + 8 <= length; i += 8) {
            if ((data.get(ValueLayout.JAVA_LONG_UNALIGNED, start + i) & 0x8080_8080_8080_8080L) != 0) {
                return false;
            }
        }
        for (; i < length; i++) {
            if (data.get(BYTE, start + i) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Number of characters (code points) in a UTF-8 byte range. */
    public static long characterCount(MemorySegment data, long start, long length)
    {
        long count = 0;
        for (long i = 0; i < length; i++) {
            count += isContinuation(data.get(BYTE, start + i)) ? 0 : 1;
        }
        return count;
    }

    /**
     * The byte offset (relative to start) of character {@code index} (0-based), or {@code length} when the string
     * has fewer characters.
     */
    public static long byteOffsetOfCharacter(MemorySegment data, long start, long length, long index)
    {
        long characters = 0;
        for (long i = 0; i < length; i++) {
            if (!isContinuation(data.get(BYTE, start + i))) {
                if (characters == index) {
                    return i;
                }
                characters++;
            }
        }
        return length;
    }

    public static int hash(MemorySegment data, long start, long length)
    {
        long h = 0x9E37_79B9_7F4A_7C15L ^ length;
        long i = 0;
        for (; i + 8 <= length; i += 8) {
            h = (h ^ data.get(ValueLayout.JAVA_LONG_UNALIGNED, start + i)) * 0xFF51_AFD7_ED55_8CCDL;
            h ^= h >>> 29;
        }
        long tail = 0;
        for (int shift = 0; i < length; i++, shift += 8) {
            tail |= (data.get(BYTE, start + i) & 0xFFL) << shift;
        }
        h = (h ^ tail) * 0xC4CE_B9FE_1A85_EC53L;
        return (int) (h ^ (h >>> 32));
    }
}
