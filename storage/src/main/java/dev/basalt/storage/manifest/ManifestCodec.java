package dev.basalt.storage.manifest;

import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.IndexDefinition;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.catalog.TriggerDefinition;
import dev.basalt.spi.catalog.ViewDefinition;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.storage.format.ByteSink;
import dev.basalt.storage.format.ByteSource;
import dev.basalt.storage.format.Checksums;
import dev.basalt.storage.format.CorruptedDataException;
import dev.basalt.storage.format.LittleEndian;
import dev.basalt.storage.zonemap.DistinctSketch;
import dev.basalt.storage.zonemap.ZoneMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Binary form of a {@link Manifest} (all little-endian; str = i32 length + UTF-8). Format version 4:
 * <pre>
 * "BSMF" magic | i32 format version | i64 manifest version | i64 next table id | i64 next file id
 * i32 table count, per table:
 *   i64 id | str name | i64 next column id
 *   i32 column count | per column: i64 column id, str name, str SQL type, u8 nullable,
 *                                  u8 flags (1 = fill value, 2 = DEFAULT expression), [fill value], [str expression]
 *   i32 row-group count, per row group:
 *     i64 file id | i32 row count | i64 deletion file id (0 = none) | i32 deleted rows
 *     i32 chunk count | per chunk: i64 column id, i64 offset, i32 length, i64 null count,
 *                                  u8 flags (1 = min, 2 = max, 4 = sketch), [min], [max],
 *                                  [64 bytes: HyperLogLog registers of the distinct values]
 * i32 view count, per view: str name | str SQL | i32 n | n x str column name
 * i32 index count, per index: i64 id | i64 table id | str name | str table | i32 n | n x str column
 *                             | u8 has predicate | [str predicate] | u8 unique
 * i32 trigger count, per trigger: str name | str table | u8 timing | u8 event | i32 n | n x str UPDATE OF column
 *                                 | u8 has WHEN | [str WHEN] | str body
 * i32 CRC32C of everything before it
 * </pre>
 * The fill value is what row groups written before an ADD COLUMN read; the expression (SQL text) is evaluated for
 * later INSERTs that omit the column. Version 3 (no triggers), version 2 (flags only 0/1: no expressions) and version 1 (no column ids,
 * deletions, views or indexes; chunk i = column i) are still read.
 */
public final class ManifestCodec
{
    public static final int MAGIC = 0x464D5342; // "BSMF" little-endian
    /** Bumped on any incompatible change; a reader refuses versions newer than its own. */
    public static final int FORMAT_VERSION = 4;

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
            out.writeLong(table.id());
            out.writeString(table.name());
            out.writeLong(table.nextColumnId());
            out.writeInt(table.columns().size());
            for (ColumnEntry column : table.columns()) {
                out.writeLong(column.id());
                out.writeString(column.name());
                out.writeString(column.column().type().sqlName());
                out.writeByte(column.column().nullable() ? 1 : 0);
                Optional<String> expression = column.column().defaultExpression();
                out.writeByte((column.defaultValue() != null ? 1 : 0) | (expression.isPresent() ? 2 : 0));
                if (column.defaultValue() != null) {
                    ValueCodec.writeDefault(out, column.column().type(), column.defaultValue());
                }
                if (expression.isPresent()) {
                    out.writeString(expression.get());
                }
            }
            out.writeInt(table.rowGroups().size());
            for (RowGroupEntry rowGroup : table.rowGroups()) {
                out.writeLong(rowGroup.fileId());
                out.writeInt(rowGroup.rowCount());
                out.writeLong(rowGroup.deletionFileId());
                out.writeInt(rowGroup.deletedCount());
                out.writeInt(rowGroup.chunks().size());
                for (int i = 0; i < rowGroup.chunks().size(); i++) {
                    long columnId = rowGroup.columnIds().get(i);
                    DataType type = typeOf(table, columnId);
                    writeChunk(out, columnId, type, rowGroup.chunks().get(i));
                }
            }
        }
        out.writeInt(manifest.views().size());
        for (ViewDefinition view : manifest.views()) {
            out.writeString(view.name());
            out.writeString(view.sql());
            writeStrings(out, view.columnNames());
        }
        out.writeInt(manifest.indexes().size());
        for (IndexEntry index : manifest.indexes()) {
            IndexDefinition definition = index.definition();
            out.writeLong(index.id());
            out.writeLong(index.tableId());
            out.writeString(definition.name());
            out.writeString(definition.table());
            writeStrings(out, definition.columns());
            writeOptionalString(out, definition.predicate());
            out.writeByte(definition.unique() ? 1 : 0);
        }
        out.writeInt(manifest.triggers().size());
        for (TriggerDefinition trigger : manifest.triggers()) {
            out.writeString(trigger.name());
            out.writeString(trigger.table());
            out.writeByte(trigger.timing().ordinal());
            out.writeByte(trigger.event().ordinal());
            writeStrings(out, trigger.updateColumns());
            writeOptionalString(out, trigger.whenSql());
            out.writeString(trigger.bodySql());
        }
        out.writeInt(Checksums.crc32c(out.array(), 0, out.position()));
        return out.toByteArray();
    }

    private static void writeStrings(ByteSink out, List<String> values)
    {
        out.writeInt(values.size());
        for (String value : values) {
            out.writeString(value);
        }
    }

    private static void writeOptionalString(ByteSink out, Optional<String> value)
    {
        out.writeByte(value.isPresent() ? 1 : 0);
        if (value.isPresent()) {
            out.writeString(value.get());
        }
    }

    private static DataType typeOf(TableEntry table, long columnId)
    {
        for (ColumnEntry column : table.columns()) {
            if (column.id() == columnId) {
                return column.column().type();
            }
        }
        throw new IllegalStateException("row group of table \"" + table.name() + "\" has a chunk of unknown column id " + columnId);
    }

    private static void writeChunk(ByteSink out, long columnId, DataType type, ChunkEntry chunk)
    {
        ZoneMap zone = chunk.zoneMap();
        out.writeLong(columnId);
        out.writeLong(chunk.offset());
        out.writeInt(chunk.length());
        out.writeLong(zone.nullCount());
        boolean hasMin = zone.min() != null && ValueCodec.supports(type);
        boolean hasMax = zone.max() != null && ValueCodec.supports(type);
        boolean hasSketch = zone.distinct() != null;
        out.writeByte((hasMin ? 1 : 0) | (hasMax ? 2 : 0) | (hasSketch ? 4 : 0));
        if (hasMin) {
            ValueCodec.write(out, type, zone.min());
        }
        if (hasMax) {
            ValueCodec.write(out, type, zone.max());
        }
        if (hasSketch) {
            out.writeBytes(zone.distinct().registers(), 0, DistinctSketch.REGISTERS);
        }
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
                    "database format version " + formatVersion + " is not supported by this Basalt (supports 1 to " + FORMAT_VERSION + ")");
        }
        long version = in.readLong();
        long nextTableId = in.readLong();
        long nextFileId = in.readLong();
        Manifest manifest;
        try {
            int tableCount = in.readCount(in.remaining());
            List<TableEntry> tables = new ArrayList<>(tableCount);
            for (int t = 0; t < tableCount; t++) {
                tables.add(formatVersion == 1 ? readTableV1(in) : readTable(in, formatVersion));
            }
            List<ViewDefinition> views = new ArrayList<>();
            List<IndexEntry> indexes = new ArrayList<>();
            if (formatVersion >= 2) {
                int viewCount = in.readCount(in.remaining());
                for (int v = 0; v < viewCount; v++) {
                    String name = in.readString();
                    String sql = in.readString();
                    views.add(new ViewDefinition(name, sql, readStrings(in)));
                }
                int indexCount = in.readCount(in.remaining());
                for (int i = 0; i < indexCount; i++) {
                    long id = in.readLong();
                    long tableId = in.readLong();
                    String name = in.readString();
                    String table = in.readString();
                    List<String> columns = readStrings(in);
                    Optional<String> predicate = readOptionalString(in);
                    indexes.add(new IndexEntry(id, tableId, new IndexDefinition(name, table, columns, predicate, in.readBoolean())));
                }
            }
            List<TriggerDefinition> triggers = new ArrayList<>();
            if (formatVersion >= 4) {
                int triggerCount = in.readCount(in.remaining());
                for (int t = 0; t < triggerCount; t++) {
                    triggers.add(readTrigger(in));
                }
            }
            manifest = new Manifest(version, nextTableId, nextFileId, tables, views, indexes, triggers);
        }
        catch (BasaltException | IllegalArgumentException | IllegalStateException | ArithmeticException | ClassCastException | java.time.DateTimeException e) {
            // Bytes that pass the checksum but do not parse (a bug or an impossible value) are still corruption.
            throw new CorruptedDataException("manifest content is invalid: " + e.getMessage(), e);
        }
        if (in.remaining() != 0) {
            throw new CorruptedDataException("manifest has " + in.remaining() + " trailing bytes");
        }
        return manifest;
    }

    private static TriggerDefinition readTrigger(ByteSource in)
    {
        String name = in.readString();
        String table = in.readString();
        int timing = in.readByte();
        int event = in.readByte();
        if (timing < 0 || timing >= TriggerDefinition.Timing.values().length || event < 0 || event >= TriggerDefinition.Event.values().length) {
            throw new CorruptedDataException("invalid timing " + timing + " or event " + event + " of trigger \"" + name + "\"");
        }
        List<String> columns = readStrings(in);
        Optional<String> when = readOptionalString(in);
        String body = in.readString();
        return new TriggerDefinition(name, table, TriggerDefinition.Timing.values()[timing], TriggerDefinition.Event.values()[event], columns, when, body);
    }

    private static Optional<String> readOptionalString(ByteSource in)
    {
        return in.readBoolean() ? Optional.of(in.readString()) : Optional.empty();
    }

    private static List<String> readStrings(ByteSource in)
    {
        int count = in.readCount(in.remaining());
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(in.readString());
        }
        return values;
    }

    private static TableEntry readTable(ByteSource in, int formatVersion)
    {
        long id = in.readLong();
        String name = in.readString();
        long nextColumnId = in.readLong();
        int columnCount = in.readCount(in.remaining());
        List<ColumnEntry> columns = new ArrayList<>(columnCount);
        for (int c = 0; c < columnCount; c++) {
            long columnId = in.readLong();
            String columnName = in.readString();
            DataType type = DataTypes.parse(in.readString());
            boolean nullable = in.readBoolean();
            int flags = in.readByte();
            if (flags > (formatVersion >= 3 ? 3 : 1)) {
                throw new CorruptedDataException("invalid column flags " + flags + " of column \"" + columnName + "\" in table \"" + name + "\"");
            }
            Object defaultValue = (flags & 1) != 0 ? ValueCodec.readDefault(in, type) : null;
            Optional<String> expression = (flags & 2) != 0 ? Optional.of(in.readString()) : Optional.empty();
            columns.add(new ColumnEntry(columnId, new Column(columnName, type, nullable, expression), defaultValue));
        }
        int rowGroupCount = in.readCount(in.remaining());
        List<RowGroupEntry> rowGroups = new ArrayList<>(rowGroupCount);
        for (int g = 0; g < rowGroupCount; g++) {
            long fileId = in.readLong();
            int rowCount = in.readCount(Integer.MAX_VALUE);
            long deletionFileId = in.readLong();
            int deletedCount = in.readCount(rowCount);
            int chunkCount = in.readCount(in.remaining());
            List<Long> columnIds = new ArrayList<>(chunkCount);
            List<ChunkEntry> chunks = new ArrayList<>(chunkCount);
            for (int c = 0; c < chunkCount; c++) {
                long columnId = in.readLong();
                DataType type = null;
                for (ColumnEntry column : columns) {
                    if (column.id() == columnId) {
                        type = column.column().type();
                    }
                }
                if (type == null) {
                    throw new IllegalArgumentException("row group " + fileId + " of table \"" + name + "\" has a chunk of unknown column id " + columnId);
                }
                columnIds.add(columnId);
                chunks.add(readChunk(in, type, rowCount));
            }
            rowGroups.add(new RowGroupEntry(fileId, rowCount, columnIds, chunks, deletionFileId, deletedCount));
        }
        return new TableEntry(id, name, columns, nextColumnId, rowGroups);
    }

    private static TableEntry readTableV1(ByteSource in)
    {
        long id = in.readLong();
        String name = in.readString();
        int columnCount = in.readCount(in.remaining());
        List<Column> columns = new ArrayList<>(columnCount);
        for (int c = 0; c < columnCount; c++) {
            String columnName = in.readString();
            DataType type = DataTypes.parse(in.readString());
            columns.add(new Column(columnName, type, in.readBoolean()));
        }
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
        return TableEntry.of(id, new TableSchema(name, columns), rowGroups);
    }

    private static ChunkEntry readChunk(ByteSource in, DataType type, int rowCount)
    {
        long offset = in.readLong();
        int chunkLength = in.readCount(Integer.MAX_VALUE);
        long nullCount = in.readLong();
        int flags = in.readByte();
        Object min = (flags & 1) != 0 ? ValueCodec.read(in, type) : null;
        Object max = (flags & 2) != 0 ? ValueCodec.read(in, type) : null;
        DistinctSketch sketch = (flags & 4) != 0 ? DistinctSketch.of(in.readBytes(DistinctSketch.REGISTERS)) : null;
        return new ChunkEntry(offset, chunkLength, new ZoneMap(rowCount, nullCount, min, max, sketch));
    }
}
