package dev.basalt.storage.format;

import java.nio.charset.StandardCharsets;

/** Reads little-endian values from a byte range, failing with {@link CorruptedDataException} past its end. */
public final class ByteSource
{
    private final byte[] bytes;
    private final int limit;
    private int position;

    public ByteSource(byte[] bytes, int offset, int length)
    {
        if (offset < 0 || length < 0 || offset + length > bytes.length) {
            throw new CorruptedDataException("range " + offset + "+" + length + " outside " + bytes.length + " bytes");
        }
        this.bytes = bytes;
        this.position = offset;
        this.limit = offset + length;
    }

    public int position()
    {
        return position;
    }

    public int remaining()
    {
        return limit - position;
    }

    private void need(int count)
    {
        if (count < 0 || count > limit - position) {
            throw new CorruptedDataException("unexpected end of data: need " + count + " bytes at offset " + position + ", have " + (limit - position));
        }
    }

    public int readByte()
    {
        need(1);
        return bytes[position++] & 0xFF;
    }

    public boolean readBoolean()
    {
        int value = readByte();
        if (value > 1) {
            throw new CorruptedDataException("invalid boolean byte " + value);
        }
        return value == 1;
    }

    public short readShort()
    {
        need(2);
        short value = LittleEndian.getShort(bytes, position);
        position += 2;
        return value;
    }

    public int readInt()
    {
        need(4);
        int value = LittleEndian.getInt(bytes, position);
        position += 4;
        return value;
    }

    /** An int that must lie in [0, max]. */
    public int readCount(int max)
    {
        int value = readInt();
        if (value < 0 || value > max) {
            throw new CorruptedDataException("invalid count " + value + " (max " + max + ")");
        }
        return value;
    }

    public long readLong()
    {
        need(8);
        long value = LittleEndian.getLong(bytes, position);
        position += 8;
        return value;
    }

    public byte[] readBytes(int count)
    {
        need(count);
        byte[] result = new byte[count];
        System.arraycopy(bytes, position, result, 0, count);
        position += count;
        return result;
    }

    /** Skips count bytes and returns the offset where they start. */
    public int skip(int count)
    {
        need(count);
        int start = position;
        position += count;
        return start;
    }

    public String readString()
    {
        int length = readCount(remaining());
        String value = new String(bytes, position, length, StandardCharsets.UTF_8);
        position += length;
        return value;
    }
}
