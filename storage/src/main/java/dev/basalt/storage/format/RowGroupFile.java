package dev.basalt.storage.format;

/**
 * Byte layout of a row-group file ({@code rg-<n>.bsc}): every column chunk of one row group, then a footer
 * that makes the file self-describing (the manifest holds the same offsets, so scans never read it).
 * <pre>
 * 0        "BSRG" magic, u16 format version, u16 reserved
 * 8        chunk of column 0 (see {@link ChunkHeader}), chunk of column 1, ...
 * footer   i32 row count, i32 column count, per column: i64 offset, i32 length
 * trailer  i32 footer length, i32 CRC32C of the footer, "BSRG"
 * </pre>
 */
public final class RowGroupFile
{
    public static final int MAGIC = 0x47525342; // "BSRG" little-endian
    public static final int VERSION = 1;
    public static final int HEADER_SIZE = 8;
    public static final int TRAILER_SIZE = 12;

    /** Where the chunks of a file are, as recorded in its footer. */
    public record Footer(int rowCount, long[] offsets, int[] lengths) {}

    private RowGroupFile() {}

    public static void writeHeader(ByteSink out)
    {
        out.writeInt(MAGIC);
        out.writeShort((short) VERSION);
        out.writeShort((short) 0);
    }

    public static void writeFooter(ByteSink out, int rowCount, long[] offsets, int[] lengths)
    {
        int start = out.position();
        out.writeInt(rowCount);
        out.writeInt(offsets.length);
        for (int i = 0; i < offsets.length; i++) {
            out.writeLong(offsets[i]);
            out.writeInt(lengths[i]);
        }
        int length = out.position() - start;
        int crc = Checksums.crc32c(out.array(), start, length);
        out.writeInt(length);
        out.writeInt(crc);
        out.writeInt(MAGIC);
    }

    /** Parses and verifies the footer of a whole file. */
    public static Footer readFooter(byte[] file, int length)
    {
        if (length < HEADER_SIZE + TRAILER_SIZE) {
            throw new CorruptedDataException("file of " + length + " bytes is too short for a row group");
        }
        if (LittleEndian.getInt(file, 0) != MAGIC || LittleEndian.getInt(file, length - 4) != MAGIC) {
            throw new CorruptedDataException("not a row-group file (bad magic)");
        }
        int version = LittleEndian.getShort(file, 4);
        if (version != VERSION) {
            throw new CorruptedDataException("unsupported row-group format version " + version);
        }
        int footerLength = LittleEndian.getInt(file, length - TRAILER_SIZE);
        int footerStart = length - TRAILER_SIZE - footerLength;
        if (footerLength < 8 || footerStart < HEADER_SIZE) {
            throw new CorruptedDataException("invalid footer length " + footerLength);
        }
        int crc = LittleEndian.getInt(file, length - 8);
        if (crc != Checksums.crc32c(file, footerStart, footerLength)) {
            throw new CorruptedDataException("footer checksum mismatch");
        }
        ByteSource source = new ByteSource(file, footerStart, footerLength);
        int rowCount = source.readCount(Integer.MAX_VALUE);
        int columns = source.readCount((footerLength - 8) / 12);
        long[] offsets = new long[columns];
        int[] lengths = new int[columns];
        for (int i = 0; i < columns; i++) {
            offsets[i] = source.readLong();
            lengths[i] = source.readCount(footerStart);
            if (offsets[i] < HEADER_SIZE || offsets[i] + lengths[i] > footerStart) {
                throw new CorruptedDataException("chunk " + i + " lies outside the file body");
            }
        }
        return new Footer(rowCount, offsets, lengths);
    }
}
