package dev.basalt.storage.manifest;

import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.storage.format.ByteSink;
import dev.basalt.storage.format.ByteSource;
import dev.basalt.storage.format.Checksums;
import dev.basalt.storage.format.CorruptedDataException;
import dev.basalt.storage.format.LittleEndian;
import dev.basalt.storage.zonemap.ZoneMap;

import java.util.ArrayList;
import java.util.List;

/**
 * Binary form of a {@link Manifest} (all little-endian; str = i32 length + UTF-8):
 * <pre>
 * "BSMF" magic | i32 format version | i64 manifest version | i64 next table id | i64 next file id
 * i32 table count, per table:
 *   i64 id | str name | i32 column count | per column: str name, str SQL type, u8 nullable
 *   i32 row-group count, per row group:
 *     i64 file id | i32 row count | per column: i64 offset, i32 length, i64 null count,
 *                                              u8 flags (1 = min, 2 = max), [min], [max]
 * i32 CRC32C of everything before it
 * </pre>
 */
public final class ManifestCodec
{
    public static final int MAGIC = 0x464D5342; // "BSMF" little-endian
    /** Bumped on any incompatible change; a reader refuses versions newer than its own. */
    public static final int FORMAT_VERSION = 1;

    private ManifestCodec() {}

    public static byte[] encode(Manifest manifest)
    {
        ByteSink out = new ByteSink(4096);
        out.writeInt(MAGIC);
        out.writeInt(FORMAT_VERSION);
        out.writeLong(manifest.version());
        out.writeLong(manifest.nextTableId());
        out.writeLong(manifest.nextFileId());
        out.writeInt(manifest.tables().size());
        for (TableEntry table : manifest.tables()) {
            TableSchema schema = table.schema();
            out.writeLong(table.id());
            out.writeString(schema.name());
            out.writeInt(schema.columnCount());
            for (Column column : schema.columns()) {
                out.writeString(column.name());
                out.writeString(column.type().sqlName());
                out.writeByte(column.nullable() ? 1 : 0);
            }
            out.writeInt(table.rowGroups().size());
            for (RowGroupEntry rowGroup : table.rowGroups()) {
                out.writeLong(rowGroup.fileId());
                out.writeInt(rowGroup.rowCount());
                for (int i = 0; i < schema.columnCount(); i++) {
                    DataType type = schema.column(i).type();
                    ChunkEntry chunk = rowGroup.chunk(i);
                    ZoneMap zone = chunk.zoneMap();
                    out.writeLong(chunk.offset());
                    out.writeInt(chunk.length());
                    out.writeLong(zone.nullCount());
                    boolean hasMin = zone.min() != null && ValueCodec.supports(type);
                    boolean hasMax = zone.max() != null && ValueCodec.supports(type);
                    out.writeByte((hasMin ? 1 : 0) | (hasMax ? 2 : 0));
                    if (hasMin) {
                        ValueCodec.write(out, type, zone.min());
                    }
                    if (hasMax) {
                        ValueCodec.write(out, type, zone.max());
                    }
                }
            }
        }
        out.writeInt(Checksums.crc32c(out.array(), 0, out.position()));
        return out.toByteArray();
    }

    /** Parses a manifest; {@link CorruptedDataException} when it is damaged. */
    public static Manifest decode(byte[] bytes, int length)
    {
        if (length < 12) {
            throw new CorruptedDataException("manifest of " + length + " bytes is truncated");
        }
        if (LittleEndian.getInt(bytes, 0) != MAGIC) {
            throw new CorruptedDataException("not a manifest (bad magic)");
        }
        int crc = LittleEndian.getInt(bytes, length - 4);
        if (crc != Checksums.crc32c(bytes, 0, length - 4)) {
            throw new CorruptedDataException("manifest checksum mismatch (truncated or damaged)");
        }
        ByteSource in = new ByteSource(bytes, 4, length - 8);
        int formatVersion = in.readInt();
        if (formatVersion > FORMAT_VERSION || formatVersion < 1) {
            throw new BasaltException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "database format version " + formatVersion + " is not supported by this Basalt (supports up to " + FORMAT_VERSION + ")");
        }
        long version = in.readLong();
        long nextTableId = in.readLong();
        long nextFileId = in.readLong();
        int tableCount = in.readCount(in.remaining());
        List<TableEntry> tables = new ArrayList<>(tableCount);
        try {
            for (int t = 0; t < tableCount; t++) {
                long id = in.readLong();
                String name = in.readString();
                int columnCount = in.readCount(in.remaining());
                List<Column> columns = new ArrayList<>(columnCount);
                for (int c = 0; c < columnCount; c++) {
                    String columnName = in.readString();
                    DataType type = DataTypes.parse(in.readString());
                    columns.add(new Column(columnName, type, in.readBoolean()));
                }
                TableSchema schema = new TableSchema(name, columns);
                int rowGroupCount = in.readCount(in.remaining());
                List<RowGroupEntry> rowGroups = new ArrayList<>(rowGroupCount);
                for (int g = 0; g < rowGroupCount; g++) {
                    long fileId = in.readLong();
                    int rowCount = in.readCount(Integer.MAX_VALUE);
                    List<ChunkEntry> chunks = new ArrayList<>(columnCount);
                    for (int c = 0; c < columnCount; c++) {
                        DataType type = columns.get(c).type();
                        long offset = in.readLong();
                        int chunkLength = in.readCount(Integer.MAX_VALUE);
                        long nullCount = in.readLong();
                        int flags = in.readByte();
                        Object min = (flags & 1) != 0 ? ValueCodec.read(in, type) : null;
                        Object max = (flags & 2) != 0 ? ValueCodec.read(in, type) : null;
                        chunks.add(new ChunkEntry(offset, chunkLength, new ZoneMap(rowCount, nullCount, min, max)));
                    }
                    rowGroups.add(new RowGroupEntry(fileId, rowCount, chunks));
                }
                tables.add(TableEntry.of(id, schema, rowGroups));
            }
        }
        catch (BasaltException | IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            // Bytes that pass the checksum but do not parse (a bug or an impossible value) are still corruption.
            throw new CorruptedDataException("manifest content is invalid: " + e.getMessage(), e);
        }
        if (in.remaining() != 0) {
            throw new CorruptedDataException("manifest has " + in.remaining() + " trailing bytes");
        }
        return new Manifest(version, nextTableId, nextFileId, tables);
    }
}
