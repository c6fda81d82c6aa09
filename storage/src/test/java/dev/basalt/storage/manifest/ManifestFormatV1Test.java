package dev.basalt.storage.manifest;

import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.storage.format.ByteSink;
import dev.basalt.storage.format.Checksums;
import dev.basalt.storage.format.CorruptedDataException;
import dev.basalt.storage.zonemap.ZoneMap;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Databases written before format version 2 (no column ids, deletions, views or indexes) still open. */
class ManifestFormatV1Test
{
    @Test
    void readsFormatVersion1()
    {
        TableSchema schema = new TableSchema("t", List.of(new Column("id", DataTypes.BIGINT, false), new Column("name", DataTypes.VARCHAR)));
        ByteSink out = new ByteSink(256);
        out.writeInt(ManifestCodec.MAGIC);
        out.writeInt(1);
        out.writeLong(9);
        out.writeLong(3);
        out.writeLong(12);
        out.writeInt(1);
        out.writeLong(2);
        out.writeString("t");
        out.writeInt(2);
        out.writeString("id");
        out.writeString("BIGINT");
        out.writeByte(0);
        out.writeString("name");
        out.writeString("VARCHAR");
        out.writeByte(1);
        out.writeInt(1);
        out.writeLong(11);
        out.writeInt(5);
        // id chunk: offset, length, nulls, flags (min+max), min, max
        out.writeLong(8);
        out.writeInt(40);
        out.writeLong(0);
        out.writeByte(3);
        out.writeLong(1);
        out.writeLong(5);
        // name chunk: all null, no bounds
        out.writeLong(48);
        out.writeInt(30);
        out.writeLong(5);
        out.writeByte(0);
        out.writeInt(Checksums.crc32c(out.array(), 0, out.position()));
        byte[] bytes = out.toByteArray();
        Manifest manifest = ManifestCodec.decode(bytes, bytes.length);
        assertEquals(9, manifest.version());
        TableEntry table = manifest.table("t").orElseThrow();
        assertEquals(schema, table.schema());
        assertEquals(List.of(1L, 2L), table.columnIds());
        assertEquals(3, table.nextColumnId());
        RowGroupEntry rowGroup = table.rowGroups().getFirst();
        assertEquals(new ChunkEntry(8, 40, new ZoneMap(5, 0, 1L, 5L)), rowGroup.chunkFor(1));
        assertEquals(5, table.statistics().columns().get(1).nullCount());
        assertEquals(List.of(), manifest.views());
        // Written back in the current format, and read again the same.
        byte[] v2 = ManifestCodec.encode(manifest);
        assertEquals(manifest, ManifestCodec.decode(v2, v2.length));
    }

    @Test
    void refusesNewerFormats()
    {
        ByteSink out = new ByteSink(64);
        out.writeInt(ManifestCodec.MAGIC);
        out.writeInt(ManifestCodec.FORMAT_VERSION + 1);
        out.writeLong(1);
        out.writeInt(Checksums.crc32c(out.array(), 0, out.position()));
        byte[] bytes = out.toByteArray();
        BasaltException error = assertThrows(BasaltException.class, () -> ManifestCodec.decode(bytes, bytes.length));
        assertEquals(ErrorCode.FEATURE_NOT_SUPPORTED, error.code());
        assertEquals(CorruptedDataException.class, assertThrows(CorruptedDataException.class, () -> ManifestCodec.decode(bytes, 8)).getClass());
    }
}
