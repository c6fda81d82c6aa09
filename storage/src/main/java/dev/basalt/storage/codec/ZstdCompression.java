package dev.basalt.storage.codec;

import com.github.luben.zstd.Zstd;
import dev.basalt.storage.format.CorruptedDataException;

/** zstd over whole chunk payloads (heap arrays, no streaming). */
public final class ZstdCompression
{
    private ZstdCompression() {}

    public static int maxCompressedLength(int length)
    {
        return Math.toIntExact(Zstd.compressBound(length));
    }

    /** Compresses into target (at least {@link #maxCompressedLength} long); returns the length or -1 on failure. */
    public static int compress(byte[] source, int offset, int length, byte[] target, int level)
    {
        try {
            long result = Zstd.compressByteArray(target, 0, target.length, source, offset, length, level);
            return Zstd.isError(result) ? -1 : Math.toIntExact(result);
        }
        catch (RuntimeException e) {
            // Compression is an optimization: a failure just keeps the payload uncompressed.
            return -1;
        }
    }

    public static void decompress(byte[] source, int offset, int length, byte[] target, int targetLength)
    {
        long result;
        try {
            result = Zstd.decompressByteArray(target, 0, targetLength, source, offset, length);
        }
        catch (RuntimeException e) {
            throw new CorruptedDataException("zstd decompression failed: " + e.getMessage(), e);
        }
        if (Zstd.isError(result)) {
            throw new CorruptedDataException("zstd decompression failed: " + Zstd.getErrorName(result));
        }
        if (result != targetLength) {
            throw new CorruptedDataException("zstd produced " + result + " bytes, header says " + targetLength);
        }
    }
}
