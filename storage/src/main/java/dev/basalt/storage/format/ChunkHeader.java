package dev.basalt.storage.format;

import dev.basalt.storage.column.PhysicalKind;

import static java.util.Objects.requireNonNull;

/**
 * The fixed 24-byte header in front of every column chunk:
 * <pre>
 *  0  u8   chunk format version (1)
 *  1  u8   physical kind id
 *  2  u8   encoding id
 *  3  u8   compression id
 *  4  i32  row count
 *  8  i32  null count
 * 12  i32  payload length (after decompression)
 * 16  i32  stored length (bytes that follow the header)
 * 20  i32  CRC32C of header bytes 0..19 followed by the stored bytes
 * </pre>
 */
public record ChunkHeader(PhysicalKind kind, Encoding encoding, Compression compression, int rowCount, int nullCount,
        int payloadLength, int storedLength)
{
    public static final int SIZE = 24;
    public static final int VERSION = 1;
    private static final int CHECKSUM_OFFSET = 20;

    public ChunkHeader
    {
        requireNonNull(kind, "kind is null");
        requireNonNull(encoding, "encoding is null");
        requireNonNull(compression, "compression is null");
    }

    /** Writes header and checksum at {@code offset}; the stored bytes must already follow it in {@code bytes}. */
    public void writeWithChecksum(byte[] bytes, int offset)
    {
        bytes[offset] = (byte) VERSION;
        bytes[offset + 1] = (byte) kind.id();
        bytes[offset + 2] = (byte) encoding.id();
        bytes[offset + 3] = (byte) compression.id();
        LittleEndian.putInt(bytes, offset + 4, rowCount);
        LittleEndian.putInt(bytes, offset + 8, nullCount);
        LittleEndian.putInt(bytes, offset + 12, payloadLength);
        LittleEndian.putInt(bytes, offset + 16, storedLength);
        int crc = Checksums.crc32c(bytes, offset, CHECKSUM_OFFSET, bytes, offset + SIZE, storedLength);
        LittleEndian.putInt(bytes, offset + CHECKSUM_OFFSET, crc);
    }

    /** Parses and verifies a whole chunk (header + stored bytes) occupying exactly [offset, offset+length). */
    public static ChunkHeader readVerified(byte[] bytes, int offset, int length)
    {
        if (length < SIZE || offset < 0 || offset + length > bytes.length) {
            throw new CorruptedDataException("chunk of " + length + " bytes is shorter than its header");
        }
        int version = bytes[offset] & 0xFF;
        int storedLength = LittleEndian.getInt(bytes, offset + 16);
        if (storedLength != length - SIZE) {
            throw new CorruptedDataException("chunk length " + length + " does not match its header (" + storedLength + " stored bytes)");
        }
        int expected = LittleEndian.getInt(bytes, offset + CHECKSUM_OFFSET);
        int actual = Checksums.crc32c(bytes, offset, CHECKSUM_OFFSET, bytes, offset + SIZE, storedLength);
        if (expected != actual) {
            throw new CorruptedDataException("chunk checksum mismatch (stored " + Integer.toHexString(expected) + ", computed " + Integer.toHexString(actual) + ")");
        }
        if (version != VERSION) {
            throw new CorruptedDataException("unsupported chunk format version " + version);
        }
        PhysicalKind kind = PhysicalKind.fromId(bytes[offset + 1] & 0xFF);
        Encoding encoding = Encoding.fromId(bytes[offset + 2] & 0xFF);
        Compression compression = Compression.fromId(bytes[offset + 3] & 0xFF);
        int rowCount = LittleEndian.getInt(bytes, offset + 4);
        int nullCount = LittleEndian.getInt(bytes, offset + 8);
        int payloadLength = LittleEndian.getInt(bytes, offset + 12);
        if (kind == null || encoding == null || compression == null) {
            throw new CorruptedDataException("unknown kind, encoding or compression in chunk header");
        }
        if (rowCount < 0 || nullCount < 0 || nullCount > rowCount || payloadLength < 0) {
            throw new CorruptedDataException("invalid chunk header counts: rows " + rowCount + ", nulls " + nullCount + ", payload " + payloadLength);
        }
        if (compression == Compression.NONE && payloadLength != storedLength) {
            throw new CorruptedDataException("uncompressed chunk payload " + payloadLength + " != stored " + storedLength);
        }
        return new ChunkHeader(kind, encoding, compression, rowCount, nullCount, payloadLength, storedLength);
    }
}
