package dev.basalt.storage.manifest;

import dev.basalt.storage.format.ByteSink;
import dev.basalt.storage.format.Checksums;
import dev.basalt.storage.format.CorruptedDataException;
import dev.basalt.storage.format.LittleEndian;

/**
 * The {@code MANIFEST} file: which {@code manifest-<version>.bin} is current. 20 bytes:
 * {@code "BSMP" | i32 format version | i64 manifest version | i32 CRC32C of the first 16 bytes}.
 * Replaced only by an atomic rename, so it always names a complete, fsynced manifest.
 */
public final class ManifestPointer
{
    public static final int MAGIC = 0x504D5342; // "BSMP" little-endian
    public static final int SIZE = 20;

    private ManifestPointer() {}

    public static byte[] encode(long version)
    {
        ByteSink out = new ByteSink(SIZE);
        out.writeInt(MAGIC);
        out.writeInt(ManifestCodec.FORMAT_VERSION);
        out.writeLong(version);
        out.writeInt(Checksums.crc32c(out.array(), 0, 16));
        return out.toByteArray();
    }

    public static long decode(byte[] bytes, int length)
    {
        if (length != SIZE) {
            throw new CorruptedDataException("MANIFEST pointer has " + length + " bytes, expected " + SIZE);
        }
        if (LittleEndian.getInt(bytes, 0) != MAGIC) {
            throw new CorruptedDataException("MANIFEST pointer has a bad magic number");
        }
        if (LittleEndian.getInt(bytes, 16) != Checksums.crc32c(bytes, 0, 16)) {
            throw new CorruptedDataException("MANIFEST pointer checksum mismatch");
        }
        long version = LittleEndian.getLong(bytes, 8);
        if (version < 0) {
            throw new CorruptedDataException("MANIFEST pointer names invalid version " + version);
        }
        return version;
    }
}
