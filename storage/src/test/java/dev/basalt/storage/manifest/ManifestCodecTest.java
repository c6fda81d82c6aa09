package dev.basalt.storage.manifest;

import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.TriggerDefinition;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.spi.type.VarcharType;
import dev.basalt.storage.format.Checksums;
import dev.basalt.storage.format.CorruptedDataException;
import dev.basalt.storage.format.LittleEndian;
import dev.basalt.storage.zonemap.ZoneMap;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ManifestCodecTest
{
    private static Manifest sample()
    {
        TableSchema schema = new TableSchema("lineitem", List.of(
                new Column("b", DataTypes.BOOLEAN), new Column("s", DataTypes.SMALLINT), new Column("i", DataTypes.INTEGER, false),
                new Column("l", DataTypes.BIGINT), new Column("r", DataTypes.REAL), new Column("d", DataTypes.DOUBLE),
                new Column("dec", DecimalType.of(15, 2)), new Column("wide", DecimalType.of(38, 4)), new Column("v", VarcharType.varchar(25)),
                new Column("c", VarcharType.character(1)), new Column("dt", DataTypes.DATE), new Column("ts", DataTypes.TIMESTAMP),
                new Column("iv", DataTypes.INTERVAL), new Column("n", DataTypes.NULL)));
        List<ChunkEntry> chunks = List.of(
                new ChunkEntry(8, 30, new ZoneMap(10, 1, false, true)),
                new ChunkEntry(38, 30, new ZoneMap(10, 0, (short) -3, (short) 7)),
                new ChunkEntry(68, 30, new ZoneMap(10, 0, Integer.MIN_VALUE, Integer.MAX_VALUE)),
                new ChunkEntry(98, 30, new ZoneMap(10, 0, Long.MIN_VALUE, 5L)),
                new ChunkEntry(128, 30, new ZoneMap(10, 0, -0.0f, Float.NaN)),
                new ChunkEntry(158, 30, new ZoneMap(10, 2, Double.NEGATIVE_INFINITY, 2.5)),
                new ChunkEntry(188, 30, new ZoneMap(10, 0, new BigDecimal("-12.34"), new BigDecimal("99999.99"))),
                new ChunkEntry(218, 30, new ZoneMap(10, 0, new BigDecimal("-1234567890123456789012345678901234.5678"), new BigDecimal("0.0001"))),
                new ChunkEntry(248, 30, new ZoneMap(10, 0, "", "z\uD83D\uDE00")),
                new ChunkEntry(278, 30, new ZoneMap(10, 0, "A", null)),
                new ChunkEntry(308, 30, new ZoneMap(10, 0, LocalDate.of(1992, 1, 2), LocalDate.of(1998, 12, 1))),
                new ChunkEntry(338, 30, new ZoneMap(10, 0, LocalDateTime.of(1900, 1, 1, 0, 0, 0, 1000), LocalDateTime.of(2100, 1, 1, 0, 0))),
                new ChunkEntry(368, 30, new ZoneMap(10, 3, null, null)),
                new ChunkEntry(398, 30, new ZoneMap(10, 10, null, null)));
        TableEntry table = TableEntry.of(3, schema, List.of(new RowGroupEntry(17, 10, chunks), new RowGroupEntry(18, 10, chunks)));
        TableEntry empty = TableEntry.of(4, new TableSchema("empty", List.of(new Column("x", DataTypes.INTEGER))), List.of());
        return new Manifest(42, 5, 19, List.of(table, empty));
    }

    @Test
    void roundTrips()
    {
        Manifest manifest = sample();
        byte[] bytes = ManifestCodec.encode(manifest);
        Manifest decoded = ManifestCodec.decode(bytes, bytes.length);
        assertEquals(manifest, decoded);
        assertEquals(20, decoded.table("lineitem").orElseThrow().rowCount());
        assertEquals(List.of("empty", "lineitem"), decoded.tables().stream().map(TableEntry::name).toList());
    }

    @Test
    void everyTruncationAndEveryFlippedByteIsDetected()
    {
        byte[] bytes = ManifestCodec.encode(sample());
        for (int length = 0; length < bytes.length; length++) {
            int cut = length;
            assertThrows(CorruptedDataException.class, () -> ManifestCodec.decode(Arrays.copyOf(bytes, cut), cut));
        }
        for (int i = 0; i < bytes.length; i++) {
            byte[] damaged = bytes.clone();
            damaged[i] ^= (byte) 0x10;
            assertThrows(CorruptedDataException.class, () -> ManifestCodec.decode(damaged, damaged.length), "byte " + i);
        }
    }

    private static Manifest withDefaults()
    {
        List<ColumnEntry> columns = List.of(
                new ColumnEntry(1, new Column("id", DataTypes.BIGINT, false), null),
                new ColumnEntry(3, new Column("label", DataTypes.VARCHAR, true, Optional.of("'it''s'")), null),
                new ColumnEntry(4, new Column("score", DecimalType.of(15, 2), false, Optional.of("CAST(1.5 AS DECIMAL(15,2)) * 2")), new BigDecimal("3.00")),
                new ColumnEntry(6, new Column("day", DataTypes.DATE, true, Optional.of("current_date")), LocalDate.of(2026, 1, 2)),
                new ColumnEntry(7, new Column("fill", DataTypes.INTEGER), 7));
        TableEntry table = new TableEntry(9, "t", columns, 8, List.of());
        return new Manifest(3, 10, 1, List.of(table));
    }

    @Test
    void defaultExpressionsAndFillValuesRoundTrip()
    {
        Manifest manifest = withDefaults();
        byte[] bytes = ManifestCodec.encode(manifest);
        Manifest decoded = ManifestCodec.decode(bytes, bytes.length);
        assertEquals(manifest, decoded);
        TableSchema schema = decoded.table("t").orElseThrow().schema();
        assertEquals(Optional.empty(), schema.column(0).defaultExpression());
        assertEquals(Optional.of("'it''s'"), schema.column(1).defaultExpression());
        assertEquals(Optional.of("current_date"), schema.column(3).defaultExpression());
        assertEquals(Optional.empty(), schema.column(4).defaultExpression());
        assertEquals(new BigDecimal("3.00"), decoded.table("t").orElseThrow().columns().get(2).defaultValue());
    }

    @Test
    void readsFormatVersion2()
    {
        // Version 2 wrote u8 "has fill value" where version 3 has the flags byte, so without expressions the
        // bytes are the same but for the version number.
        TableEntry table = new TableEntry(9, "t", List.of(
                new ColumnEntry(1, new Column("id", DataTypes.BIGINT, false), null),
                new ColumnEntry(2, new Column("fill", DataTypes.INTEGER), 7)), 3, List.of());
        Manifest manifest = new Manifest(3, 10, 1, List.of(table));
        byte[] bytes = downgrade(ManifestCodec.encode(manifest), 2);
        assertEquals(manifest, ManifestCodec.decode(bytes, bytes.length));
        // An expression flag in a version 2 manifest is damage, not something to guess at.
        byte[] v3 = downgrade(ManifestCodec.encode(withDefaults()), 2);
        assertThrows(CorruptedDataException.class, () -> ManifestCodec.decode(v3, v3.length));
    }

    @Test
    void readsFormatVersion3()
    {
        // Version 3 is version 4 without the trigger section (a trailing i32 count of 0 when there are none).
        Manifest manifest = withDefaults();
        byte[] bytes = downgrade(ManifestCodec.encode(manifest), 3);
        assertEquals(manifest, ManifestCodec.decode(bytes, bytes.length));
    }

    @Test
    void triggersRoundTrip()
    {
        TriggerDefinition audit = new TriggerDefinition("audit", "t", TriggerDefinition.Timing.AFTER, TriggerDefinition.Event.UPDATE,
                List.of("label", "day"), Optional.of("new.label <> old.label"), "INSERT INTO log VALUES (new.id, 'x;y');");
        TriggerDefinition plain = new TriggerDefinition("before_delete", "t", TriggerDefinition.Timing.BEFORE, TriggerDefinition.Event.DELETE,
                List.of(), Optional.empty(), "SELECT 1;");
        Manifest base = withDefaults();
        Manifest manifest = new Manifest(base.version(), base.nextTableId(), base.nextFileId(), base.tables(), base.views(), base.indexes(), List.of(audit, plain));
        byte[] bytes = ManifestCodec.encode(manifest);
        Manifest decoded = ManifestCodec.decode(bytes, bytes.length);
        assertEquals(manifest, decoded);
        assertEquals(List.of(audit, plain), decoded.triggersOf("t"));
        assertEquals(List.of(plain), decoded.withoutTrigger("audit").triggers());
        // dropping the table drops its triggers
        assertEquals(List.of(), decoded.withoutTable(9).triggers());
    }

    /** A current encoding of a manifest without triggers, rewritten as an older format version. */
    private static byte[] downgrade(byte[] current, int version)
    {
        // the last 8 bytes are the empty trigger section's count and the CRC
        byte[] bytes = Arrays.copyOf(current, current.length - 4);
        LittleEndian.putInt(bytes, 4, version);
        LittleEndian.putInt(bytes, bytes.length - 4, Checksums.crc32c(bytes, 0, bytes.length - 4));
        return bytes;
    }

    @Test
    void newerFormatIsRefusedClearly()
    {
        byte[] bytes = ManifestCodec.encode(sample());
        LittleEndian.putInt(bytes, 4, ManifestCodec.FORMAT_VERSION + 1);
        LittleEndian.putInt(bytes, bytes.length - 4, Checksums.crc32c(bytes, 0, bytes.length - 4));
        BasaltException error = assertThrows(BasaltException.class, () -> ManifestCodec.decode(bytes, bytes.length));
        assertEquals(ErrorCode.FEATURE_NOT_SUPPORTED, error.code());
    }

    @Test
    void pointerRoundTripsAndDetectsDamage()
    {
        byte[] pointer = ManifestPointer.encode(77);
        assertEquals(77, ManifestPointer.decode(pointer, pointer.length));
        for (int i = 0; i < pointer.length; i++) {
            byte[] damaged = pointer.clone();
            damaged[i] ^= 1;
            assertThrows(CorruptedDataException.class, () -> ManifestPointer.decode(damaged, damaged.length));
        }
    }
}
