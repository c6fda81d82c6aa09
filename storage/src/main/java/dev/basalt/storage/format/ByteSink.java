package dev.basalt.storage.format;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable little-endian byte buffer on the heap. Reused across chunks by one writer (not thread-safe). */
public final class ByteSink
{
    private byte[] bytes;
    private int position;

    public ByteSink(int initialCapacity)
    {
        this.bytes = new byte[Math.max(16, initialCapacity)];
    }

    public int position()
    {
        return position;
    }

    /** The backing array; valid bytes are [0, position). */
    public byte[] array()
    {
        return bytes;
    }

    public void reset()
    {
        position = 0;
    }

    /** Moves the write position (only backwards or onto already reserved bytes). */
    public void truncate(int newPosition)
    {
        if (newPosition < 0 || newPosition > position) {
            throw new IllegalArgumentException("position " + newPosition + " outside 0.." + position);
        }
        position = newPosition;
    }

    public void ensureWritable(int count)
    {
        long needed = (long) position + count;
        if (needed > bytes.length) {
            if (needed > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("buffer would exceed 2 GB");
            }
            bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(needed, (long) bytes.length * 2)));
        }
    }

    /** Reserves count zeroed bytes and returns their offset, for sections written in place afterwards. */
    public int reserve(int count)
    {
        ensureWritable(count);
        int start = position;
        Arrays.fill(bytes, start, start + count, (byte) 0);
        position += count;
        return start;
    }

    public void writeByte(int value)
    {
        ensureWritable(1);
        bytes[position++] = (byte) value;
    }

    public void writeShort(short value)
    {
        ensureWritable(2);
        LittleEndian.putShort(bytes, position, value);
        position += 2;
    }

    public void writeInt(int value)
    {
        ensureWritable(4);
        LittleEndian.putInt(bytes, position, value);
        position += 4;
    }

    public void writeLong(long value)
    {
        ensureWritable(8);
        LittleEndian.putLong(bytes, position, value);
        position += 8;
    }

    public void writeBytes(byte[] source, int offset, int length)
    {
        ensureWritable(length);
        System.arraycopy(source, offset, bytes, position, length);
        position += length;
    }

    /** Length-prefixed UTF-8. */
    public void writeString(String value)
    {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        writeInt(utf8.length);
        writeBytes(utf8, 0, utf8.length);
    }

    public void putInt(int offset, int value)
    {
        LittleEndian.putInt(bytes, offset, value);
    }

    public byte[] toByteArray()
    {
        return Arrays.copyOf(bytes, position);
    }
}
