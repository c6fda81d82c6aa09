package dev.basalt.storage.io;

/** Bytes [offset, offset+length) of an array that nobody modifies afterwards. */
public record Slice(byte[] bytes, int offset, int length)
{
    public Slice
    {
        if (offset < 0 || length < 0 || (long) offset + length > bytes.length) {
            throw new IllegalArgumentException("slice " + offset + "+" + length + " outside " + bytes.length + " bytes");
        }
    }
}
