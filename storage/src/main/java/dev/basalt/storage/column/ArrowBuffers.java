package dev.basalt.storage.column;

import org.apache.arrow.memory.ArrowBuf;

import java.lang.foreign.MemorySegment;

/** Views of Arrow buffers as bounds-checked memory segments, for bulk loops without per-value calls. */
public final class ArrowBuffers
{
    private static final MemorySegment EMPTY = MemorySegment.ofArray(new byte[0]);

    private ArrowBuffers() {}

    /** The first {@code length} bytes of a buffer. */
    public static MemorySegment segment(ArrowBuf buffer, long length)
    {
        if (length == 0) {
            return EMPTY;
        }
        if (length > buffer.capacity()) {
            throw new IllegalArgumentException("buffer has " + buffer.capacity() + " bytes, need " + length);
        }
        // nioBuffer is an unrestricted, bounds-checked view of the same native memory.
        return MemorySegment.ofBuffer(buffer.nioBuffer(0, Math.toIntExact(length)));
    }

    public static MemorySegment segment(ArrowBuf buffer)
    {
        return segment(buffer, buffer.capacity());
    }

    /**
     * Copies count bits starting at bit {@code fromBit} of a little-endian (LSB first) bitmap into bits
     * [0, count) of {@code target}, clearing the unused high bits of the last byte.
     */
    public static void copyBits(byte[] source, int sourceOffset, int fromBit, int count, ArrowBuf target)
    {
        if (count == 0) {
            return;
        }
        int bytes = (count + 7) >>> 3;
        if ((fromBit & 7) == 0) {
            target.setBytes(0, source, sourceOffset + (fromBit >>> 3), bytes);
        }
        else {
            int shift = fromBit & 7;
            int first = sourceOffset + (fromBit >>> 3);
            int last = sourceOffset + ((fromBit + count - 1) >>> 3);
            for (int i = 0; i < bytes; i++) {
                int low = (source[first + i] & 0xFF) >>> shift;
                int high = first + i + 1 <= last ? (source[first + i + 1] & 0xFF) << (8 - shift) : 0;
                target.setByte(i, (byte) (low | high));
            }
        }
        int tail = count & 7;
        if (tail != 0) {
            int lastByte = target.getByte(bytes - 1) & ((1 << tail) - 1);
            target.setByte(bytes - 1, (byte) lastByte);
        }
    }

    /** Sets bits [0, count) of a bitmap to one and the rest of the last byte to zero. */
    public static void setAllBits(ArrowBuf target, int count)
    {
        if (count == 0) {
            return;
        }
        int full = count >>> 3;
        if (full > 0) {
            target.setOne(0L, (long) full);
        }
        int tail = count & 7;
        if (tail != 0) {
            target.setByte(full, (byte) ((1 << tail) - 1));
        }
    }

    public static void clearBits(ArrowBuf target, int count)
    {
        if (count > 0) {
            target.setZero(0, (count + 7) >>> 3);
        }
    }
}
