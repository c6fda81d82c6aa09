package dev.basalt.storage.codec;

import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.batch.SelectionVector;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.spi.value.Values;
import dev.basalt.storage.TestTables;
import dev.basalt.storage.column.ColumnBuffer;
import dev.basalt.storage.column.PhysicalKind;
import dev.basalt.storage.format.ByteSink;
import dev.basalt.storage.format.Encoding;
import dev.basalt.storage.zonemap.ValueOrder;
import dev.basalt.storage.zonemap.ZoneMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.arrow.vector.FieldVector;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every encoding of every type round-trips random values with nulls, compressed or not, in any batch split. */
class ChunkRoundTripTest
        extends AllocatorProperties
{
    record Case(DataType type, List<Object> values, List<Integer> splits, long selectionSeed) {}

    @Provide
    Arbitrary<Case> cases()
    {
        return Arbitraries.of(TestValues.ALL_TYPES).flatMap(type -> Combinators.combine(
                TestValues.column(type, 300),
                Arbitraries.integers().between(1, 70).list().ofMaxSize(20),
                Arbitraries.longs()).as((values, splits, seed) -> new Case(type, values, splits, seed)));
    }

    @Property(tries = 400)
    void everyEncodingRoundTrips(@ForAll("cases") Case testCase)
    {
        DataType type = testCase.type();
        List<Object> values = testCase.values();
        PhysicalKind kind = PhysicalKind.of(type);
        List<Encoding> encodings = new ArrayList<>(ChunkEncoder.applicableEncodings(kind));
        encodings.add(null);
        for (Encoding encoding : encodings) {
            for (boolean compress : new boolean[] {false, true}) {
                ColumnBuffer buffer = buffer(type, values);
                ByteSink sink = new ByteSink(64);
                sink.writeLong(0x0102030405060708L); // chunks need not start at offset 0
                ChunkEncoder.Result result;
                try {
                    result = new ChunkEncoder(compress, 3).encode(buffer, type, encoding, sink);
                }
                catch (IllegalArgumentException e) {
                    // FOR/DELTA/RLE do not apply to ranges wider than 56 bits, CONSTANT to varied chunks, ALP
                    // to chunks where no value round-trips; the choosing encoder (null) never refuses.
                    assertTrue(encoding == Encoding.FOR_BITPACK || encoding == Encoding.DELTA || encoding == Encoding.RLE
                            || encoding == Encoding.CONSTANT || encoding == Encoding.ALP, encoding + ": " + e.getMessage());
                    continue;
                }
                assertEquals(sink.position() - 8, result.length());
                checkZoneMap(type, values, result.zoneMap());
                ChunkReader reader = ChunkReader.open(sink.array(), 8, result.length(), kind, values.size());
                assertEquals(values, readAll(reader, type, values.size(), testCase.splits()), type + " " + encoding + " compress=" + compress);
            }
        }
    }

    @Property(tries = 100)
    void appendHonoursSelection(@ForAll("cases") Case testCase)
    {
        DataType type = testCase.type();
        List<Object> values = testCase.values();
        java.util.Random random = new java.util.Random(testCase.selectionSeed());
        SelectionVector selection = new SelectionVector(values.size());
        List<Object> expected = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            if (random.nextBoolean()) {
                selection.add(i);
                expected.add(values.get(i));
            }
        }
        ColumnBuffer buffer = new ColumnBuffer(PhysicalKind.of(type), 4);
        try (ColumnBatch batch = TestTables.batch(allocator, List.of(new Column("c", type)), rows(values))) {
            // Two appends: the second starts mid-selection.
            int half = selection.size() / 2;
            buffer.append(batch.column(0), selection, 0, half);
            buffer.append(batch.column(0), selection, half, selection.size() - half);
        }
        if (expected.isEmpty()) {
            assertEquals(0, buffer.size());
            return;
        }
        ByteSink sink = new ByteSink(64);
        ChunkEncoder.Result result = new ChunkEncoder(false, 1).encode(buffer, type, sink);
        ChunkReader reader = ChunkReader.open(sink.array(), 0, result.length(), PhysicalKind.of(type), expected.size());
        assertEquals(expected, readAll(reader, type, expected.size(), List.of()));
    }

    @Property(tries = 50)
    void lowCardinalityStringsChooseDictionary(@ForAll("smallDomains") List<String> values)
    {
        ColumnBuffer buffer = buffer(DataTypes.VARCHAR, new ArrayList<>(values));
        ChunkEncoder.Result result = new ChunkEncoder(false, 1).encode(buffer, DataTypes.VARCHAR, new ByteSink(64));
        assertEquals(Encoding.DICTIONARY, result.encoding());
    }

    @Provide
    Arbitrary<List<String>> smallDomains()
    {
        return Arbitraries.of("AIR", "MAIL", "SHIP", "TRUCK", "RAIL", "REG AIR", "FOB").list().ofMinSize(200).ofMaxSize(500);
    }

    @Property(tries = 50)
    void narrowIntegersChooseFrameOfReference(@ForAll("narrowLongs") List<Long> values)
    {
        ColumnBuffer buffer = buffer(DataTypes.BIGINT, new ArrayList<>(values));
        ChunkEncoder.Result result = new ChunkEncoder(false, 1).encode(buffer, DataTypes.BIGINT, new ByteSink(64));
        assertEquals(Encoding.FOR_BITPACK, result.encoding());
    }

    @Provide
    Arbitrary<List<Long>> narrowLongs()
    {
        return Arbitraries.longs().between(1_000_000_000L, 1_000_000_200L).list().ofMinSize(100).ofMaxSize(500);
    }

    private static List<List<Object>> rows(List<Object> values)
    {
        List<List<Object>> rows = new ArrayList<>();
        for (Object value : values) {
            rows.add(TestTables.row(value));
        }
        return rows;
    }

    static ColumnBuffer buffer(DataType type, List<Object> values)
    {
        ColumnBuffer buffer = new ColumnBuffer(PhysicalKind.of(type), 4);
        try (ColumnBatch batch = TestTables.batch(allocator, List.of(new Column("c", type)), rows(values))) {
            buffer.append(batch.column(0), null, 0, batch.rowCount());
        }
        return buffer;
    }

    private static List<Object> readAll(ChunkReader reader, DataType type, int rows, List<Integer> splits)
    {
        List<Object> result = new ArrayList<>();
        int position = 0;
        int split = 0;
        while (position < rows) {
            int count = split < splits.size() ? Math.min(splits.get(split++), rows - position) : Math.min(ColumnBatch.DEFAULT_ROW_COUNT, rows - position);
            try (FieldVector vector = (FieldVector) type.toField("c", true).createVector(allocator)) {
                reader.read(position, count, vector);
                assertEquals(count, vector.getValueCount());
                for (int i = 0; i < count; i++) {
                    result.add(Values.read(vector, type, i));
                }
            }
            position += count;
        }
        return result;
    }

    private static void checkZoneMap(DataType type, List<Object> values, ZoneMap zone)
    {
        long nulls = values.stream().filter(v -> v == null).count();
        assertEquals(values.size(), zone.rowCount());
        assertEquals(nulls, zone.nullCount());
        for (Object value : values) {
            if (value == null) {
                continue;
            }
            if (zone.min() != null) {
                int comparison = ValueOrder.compare(type, zone.min(), value);
                assertTrue(comparison != ValueOrder.INCOMPARABLE && comparison <= 0, "min " + zone.min() + " vs " + value);
            }
            if (zone.max() != null) {
                int comparison = ValueOrder.compare(type, zone.max(), value);
                assertTrue(comparison != ValueOrder.INCOMPARABLE && comparison >= 0, "max " + zone.max() + " vs " + value);
            }
        }
    }
}
