package dev.basalt.storage.format;

/**
 * Byte layout of a deletion vector ({@code del-<n>.bsd}): the deleted positions of one row group. Written once;
 * a later delete in the same row group writes a new file with the union and the manifest points to it.
 * <pre>
 * 0    "BSDV" magic, u16 format version, u16 reserved
 * 8    i64 row-group file id | i32 row count of the row group | i32 n
 * 24   n x i32 deleted positions, strictly ascending, each below the row count
 * end  i32 CRC32C of everything before it
 * </pre>
 * A sorted position list is compact for the usual few deletions; a fully deleted row group is removed from
 * the manifest instead, so the worst case (all but one row) stays bounded by 4 bytes a row.
 */
public final class DeletionVectorFile
{
    public static final int MAGIC = 0x56445342; // "BSDV" little-endian
    public static final int VERSION = 1;
    private static final int HEADER_SIZE = 24;

    private DeletionVectorFile() {}

    public static byte[] encode(long rowGroupFileId, int rowCount, int[] positions, int count)
    {
        ByteSink out = new ByteSink(HEADER_SIZE + 4 * count + 4);
        out.writeInt(MAGIC);
        out.writeShort((short) VERSION);
        out.writeShort((short) 0);
        out.writeLong(rowGroupFileId);
        out.writeInt(rowCount);
        out.writeInt(count);
        int previous = -1;
        for (int i = 0; i < count; i++) {
            if (positions[i] <= previous || positions[i] >= rowCount) {
                throw new IllegalArgumentException("deleted positions must ascend below " + rowCount + ": " + positions[i] + " after " + previous);
            }
            previous = positions[i];
            out.writeInt(positions[i]);
        }
        out.writeInt(Checksums.crc32c(out.array(), 0, out.position()));
        return out.toByteArray();
    }

    /** Parses and verifies a file; {@link CorruptedDataException} when it does not belong to the row group or is damaged. */
    public static int[] decode(byte[] bytes, int length, long rowGroupFileId, int rowCount, int expectedCount)
    {
        if (length < HEADER_SIZE + 4) {
            throw new CorruptedDataException("deletion vector of " + length + " bytes is truncated");
        }
        if (LittleEndian.getInt(bytes, 0) != MAGIC) {
            throw new CorruptedDataException("not a deletion vector (bad magic)");
        }
        if (LittleEndian.getInt(bytes, length - 4) != Checksums.crc32c(bytes, 0, length - 4)) {
            throw new CorruptedDataException("deletion vector checksum mismatch");
        }
        int version = LittleEndian.getShort(bytes, 4);
        if (version != VERSION) {
            throw new CorruptedDataException("unsupported deletion vector format version " + version);
        }
        if (LittleEndian.getLong(bytes, 8) != rowGroupFileId || LittleEndian.getInt(bytes, 16) != rowCount) {
            throw new CorruptedDataException("deletion vector belongs to another row group");
        }
        int count = LittleEndian.getInt(bytes, 20);
        if (count != expectedCount || length != HEADER_SIZE + 4L * count + 4) {
            throw new CorruptedDataException("deletion vector holds " + count + " positions, the manifest expects " + expectedCount);
        }
        int[] positions = new int[count];
        int previous = -1;
        for (int i = 0; i < count; i++) {
            int position = LittleEndian.getInt(bytes, HEADER_SIZE + 4 * i);
            if (position <= previous || position >= rowCount) {
                throw new CorruptedDataException("deletion vector positions are not ascending below " + rowCount);
            }
            positions[i] = position;
            previous = position;
        }
        return positions;
    }
}
