package dev.basalt.engine.csv;

import java.util.Arrays;

/** A growable byte array with the appends text formatting needs; reused to avoid per-value allocation. */
public final class ByteBuilder
{
    private static final byte[] LONG_MIN = Long.toString(Long.MIN_VALUE).getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private byte[] bytes;
    private int length;
    private final byte[] digits = new byte[20];

    public ByteBuilder(int capacity)
    {
        bytes = new byte[Math.max(16, capacity)];
    }

    public byte[] bytes()
    {
        return bytes;
    }

    public int length()
    {
        return length;
    }

    public void clear()
    {
        length = 0;
    }

    public void append(byte b)
    {
        if (length == bytes.length) {
            ensure(1);
        }
        bytes[length++] = b;
    }

    public void append(byte[] source, int offset, int count)
    {
        ensure(count);
        System.arraycopy(source, offset, bytes, length, count);
        length += count;
    }

    /** Grows by {@code count} bytes (contents undefined, for the caller to fill); returns where they start. */
    public int extend(int count)
    {
        ensure(count);
        int start = length;
        length += count;
        return start;
    }

    /** Appends a string of ASCII (or Latin-1) characters. */
    public void appendAscii(String text)
    {
        ensure(text.length());
        for (int i = 0; i < text.length(); i++) {
            bytes[length++] = (byte) text.charAt(i);
        }
    }

    public void appendLong(long value)
    {
        if (value == Long.MIN_VALUE) {
            append(LONG_MIN, 0, LONG_MIN.length);
            return;
        }
        if (value < 0) {
            append((byte) '-');
            value = -value;
        }
        int count = 0;
        do {
            digits[count++] = (byte) ('0' + value % 10);
            value /= 10;
        }
        while (value != 0);
        ensure(count);
        for (int i = count - 1; i >= 0; i--) {
            bytes[length++] = digits[i];
        }
    }

    /** Appends {@code value} with exactly {@code width} digits, zero-padded (value must be non-negative and fit). */
    public void appendPadded(long value, int width)
    {
        ensure(width);
        for (int i = width - 1; i >= 0; i--) {
            bytes[length + i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length += width;
    }

    private void ensure(int extra)
    {
        if (length + extra > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(length + extra, bytes.length * 2));
        }
    }
}
