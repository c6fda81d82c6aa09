package dev.basalt.storage.format;

import java.util.zip.CRC32C;

/** CRC32C (hardware-accelerated by the JIT) over the stored bytes of chunks, footers and manifests. */
public final class Checksums
{
    private Checksums() {}

    public static int crc32c(byte[] bytes, int offset, int length)
    {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    /** One checksum over two ranges (a header without its checksum field, then the payload). */
    public static int crc32c(byte[] first, int firstOffset, int firstLength, byte[] second, int secondOffset, int secondLength)
    {
        CRC32C crc = new CRC32C();
        crc.update(first, firstOffset, firstLength);
        crc.update(second, secondOffset, secondLength);
        return (int) crc.getValue();
    }
}
