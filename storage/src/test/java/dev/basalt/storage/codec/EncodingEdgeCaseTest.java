package dev.basalt.storage.codec;

import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.storage.column.PhysicalKind;
import dev.basalt.storage.format.Encoding;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every encoding that accepts a chunk round-trips the edge cases: one row, all null, extreme longs, NaN, -0.0 and
 * infinities, empty strings, and each of them surrounded by nulls.
 */
class EncodingEdgeCaseTest
{
    private static final List<List<Object>> SAMPLES = List.of(
            List.of(true, false),
            List.of((short) 0, Short.MIN_VALUE, Short.MAX_VALUE, (short) -1),
            List.of(0, Integer.MIN_VALUE, Integer.MAX_VALUE, -1),
            List.of(0L, Long.MIN_VALUE, Long.MAX_VALUE, -1L, 1L << 53),
            List.of(0.0f, -0.0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE, 0.1f, -Float.MAX_VALUE),
            List.of(0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, 0.1, 123.45, -Double.MAX_VALUE),
            List.of("", "a", "é\uD83D\uDE00", "x".repeat(100)),
            List.of(LocalDate.of(1970, 1, 1), LocalDate.of(-5000, 1, 1), LocalDate.of(9999, 12, 31)));
    private static final List<DataType> TYPES = List.of(DataTypes.BOOLEAN, DataTypes.SMALLINT, DataTypes.INTEGER, DataTypes.BIGINT,
            DataTypes.REAL, DataTypes.DOUBLE, DataTypes.VARCHAR, DataTypes.DATE);

    @Test
    void edgeValuesRoundTripUnderEveryEncoding()
    {
        try (BufferAllocator allocator = new RootAllocator()) {
            int checked = 0;
            for (int t = 0; t < TYPES.size(); t++) {
                DataType type = TYPES.get(t);
                List<List<Object>> columns = new ArrayList<>();
                for (Object value : SAMPLES.get(t)) {
                    columns.add(Arrays.asList(value));
                    columns.add(Arrays.asList(null, value, null));
                    columns.add(Arrays.asList(value, value, value));
                }
                columns.add(Arrays.asList((Object) null));
                columns.add(Arrays.asList(null, null, null));
                columns.add(new ArrayList<>(SAMPLES.get(t)));
                for (List<Object> values : columns) {
                    List<Encoding> encodings = new ArrayList<>(ChunkEncoder.applicableEncodings(PhysicalKind.of(type)));
                    encodings.add(null);
                    for (Encoding encoding : encodings) {
                        EncodingRoundTrip.Outcome outcome;
                        try {
                            outcome = EncodingRoundTrip.run(allocator, type, values, encoding, true, 2);
                        }
                        catch (IllegalArgumentException e) {
                            continue; // the encoding does not apply to this chunk
                        }
                        assertEquals(values, outcome.values(), type + " " + encoding + " " + values);
                        checked++;
                    }
                }
            }
            // Sanity: most combinations apply.
            assertEquals(true, checked > 300, "checked " + checked);
            assertEquals(0, allocator.getAllocatedMemory());
        }
    }

    @Test
    void wideDecimalsAndIntervalsStayPlain()
    {
        try (BufferAllocator allocator = new RootAllocator()) {
            List<Object> values = Arrays.asList(new java.math.BigDecimal("12345678901234567890.1234567890"), null, java.math.BigDecimal.ZERO.setScale(10));
            EncodingRoundTrip.Outcome outcome = EncodingRoundTrip.run(allocator, DecimalType.of(38, 10), values, null, false, 4096);
            assertEquals(Encoding.PLAIN, outcome.result().encoding());
            assertEquals(values, outcome.values());
        }
    }
}
