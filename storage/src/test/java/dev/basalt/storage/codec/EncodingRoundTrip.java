package dev.basalt.storage.codec;

import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.value.Values;
import dev.basalt.storage.TestTables;
import dev.basalt.storage.column.ColumnBuffer;
import dev.basalt.storage.column.PhysicalKind;
import dev.basalt.storage.format.ByteSink;
import dev.basalt.storage.format.Encoding;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Encodes a column of canonical values with a given (or the chosen) encoding and reads it back in batches. */
final class EncodingRoundTrip
{
    record Outcome(ChunkEncoder.Result result, List<Object> values) {}

    /** A column to round-trip, read back in batches of {@code batch} rows. */
    record Case(DataType type, List<Object> values, int batch) {}

    private EncodingRoundTrip() {}

    static ColumnBuffer buffer(BufferAllocator allocator, DataType type, List<Object> values)
    {
        ColumnBuffer buffer = new ColumnBuffer(PhysicalKind.of(type), 4);
        List<List<Object>> rows = new ArrayList<>();
        for (Object value : values) {
            rows.add(TestTables.row(value));
        }
        try (ColumnBatch batch = TestTables.batch(allocator, List.of(new Column("c", type)), rows)) {
            buffer.append(batch.column(0), null, 0, batch.rowCount());
        }
        return buffer;
    }

    /** Round trip with {@code encoding} (null: let the encoder choose), reading batches of {@code batch} rows. */
    static Outcome run(BufferAllocator allocator, DataType type, List<Object> values, Encoding encoding, boolean compress, int batch)
    {
        ColumnBuffer buffer = buffer(allocator, type, values);
        ByteSink sink = new ByteSink(64);
        sink.writeInt(0x5A5A5A5A); // chunks need not start at offset 0
        ChunkEncoder.Result result = new ChunkEncoder(compress, 3).encode(buffer, type, encoding, sink);
        if (encoding != null && values.stream().anyMatch(java.util.Objects::nonNull)) {
            // All-null chunks have no values section and are always written as PLAIN.
            assertEquals(encoding, result.encoding());
        }
        ChunkReader reader = ChunkReader.open(sink.array(), 4, result.length(), PhysicalKind.of(type), values.size());
        List<Object> read = new ArrayList<>();
        for (int position = 0; position < values.size(); position += batch) {
            int count = Math.min(batch, values.size() - position);
            try (FieldVector vector = (FieldVector) type.toField("c", true).createVector(allocator)) {
                reader.read(position, count, vector);
                assertEquals(count, vector.getValueCount());
                for (int i = 0; i < count; i++) {
                    read.add(Values.read(vector, type, i));
                }
            }
        }
        return new Outcome(result, read);
    }

    /**
     * Round-trips {@code testCase} with {@code encoding} forced (compressed) and with the encoder's own choice. Returns
     * false, checking nothing more, when every value is null or when the encoder refuses the forced encoding with a
     * message containing {@code refusal}.
     */
    static boolean roundTrips(BufferAllocator allocator, Case testCase, Encoding encoding, String refusal)
    {
        List<Object> values = testCase.values();
        if (values.stream().allMatch(java.util.Objects::isNull)) {
            return false;
        }
        Outcome forced;
        try {
            forced = run(allocator, testCase.type(), values, encoding, true, testCase.batch());
        }
        catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains(refusal), e.getMessage());
            return false;
        }
        assertEquals(values, forced.values());
        assertEquals(values, run(allocator, testCase.type(), values, null, false, testCase.batch()).values());
        return true;
    }

    /** Reads rows in a scrambled order of batches (backwards jumps), which stateful decoders must survive. */
    static List<Object> readBackwards(BufferAllocator allocator, DataType type, List<Object> values, Encoding encoding, int batch)
    {
        ColumnBuffer buffer = buffer(allocator, type, values);
        ByteSink sink = new ByteSink(64);
        ChunkEncoder.Result result = new ChunkEncoder(false, 1).encode(buffer, type, encoding, sink);
        ChunkReader reader = ChunkReader.open(sink.array(), 0, result.length(), PhysicalKind.of(type), values.size());
        Object[] read = new Object[values.size()];
        int batches = (values.size() + batch - 1) / batch;
        for (int b = batches - 1; b >= 0; b--) {
            int position = b * batch;
            int count = Math.min(batch, values.size() - position);
            try (FieldVector vector = (FieldVector) type.toField("c", true).createVector(allocator)) {
                reader.read(position, count, vector);
                for (int i = 0; i < count; i++) {
                    read[position + i] = Values.read(vector, type, i);
                }
            }
        }
        return java.util.Arrays.asList(read);
    }
}
