package dev.basalt.storage.zonemap;

import dev.basalt.storage.column.ColumnBuffer;
import dev.basalt.storage.column.PhysicalKind;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HyperLogLog sketches estimate distinct counts within their error, merge as unions and survive storage. */
class DistinctSketchTest
{
    private static ColumnBuffer longs(BufferAllocator allocator, long from, long to, int repeat)
    {
        ColumnBuffer buffer = new ColumnBuffer(PhysicalKind.INT64, 16);
        try (BigIntVector vector = new BigIntVector("c", allocator)) {
            int rows = (int) (to - from) * repeat;
            vector.allocateNew(rows);
            int row = 0;
            for (int r = 0; r < repeat; r++) {
                for (long v = from; v < to; v++) {
                    vector.set(row++, v);
                }
            }
            vector.setValueCount(rows);
            buffer.append(vector, null, 0, rows);
        }
        return buffer;
    }

    private static void assertNear(long expected, long estimate, double tolerance)
    {
        assertTrue(Math.abs(estimate - expected) <= Math.max(2, expected * tolerance), "estimate " + estimate + " for " + expected);
    }

    @Test
    void estimatesSmallAndLargeCounts()
    {
        try (BufferAllocator allocator = new RootAllocator()) {
            assertEquals(1, DistinctSketch.of(longs(allocator, 5, 6, 100)).estimate());
            assertNear(10, DistinctSketch.of(longs(allocator, 0, 10, 50)).estimate(), 0.1);
            // 64 registers: standard error about 13%; allow 4 sigma.
            assertNear(1000, DistinctSketch.of(longs(allocator, 0, 1000, 3)).estimate(), 0.5);
            assertNear(200_000, DistinctSketch.of(longs(allocator, 1_000_000, 1_200_000, 1)).estimate(), 0.5);
        }
    }

    @Test
    void mergeIsTheUnion()
    {
        try (BufferAllocator allocator = new RootAllocator()) {
            DistinctSketch left = DistinctSketch.of(longs(allocator, 0, 50_000, 1));
            DistinctSketch same = DistinctSketch.of(longs(allocator, 0, 50_000, 2));
            DistinctSketch right = DistinctSketch.of(longs(allocator, 50_000, 100_000, 1));
            assertEquals(left, left.merge(same));
            DistinctSketch union = left.merge(right);
            assertEquals(union, right.merge(left));
            assertNear(100_000, union.estimate(), 0.5);
            assertTrue(union.estimate() > left.estimate());
            assertEquals(union, DistinctSketch.of(union.registers()));
        }
    }

    @Test
    void floatsAndStringsHashBySqlValue()
    {
        try (BufferAllocator allocator = new RootAllocator();
                Float8Vector doubles = new Float8Vector("d", allocator);
                VarCharVector strings = new VarCharVector("s", allocator)) {
            double[] values = {0.0, -0.0, Double.NaN, Double.longBitsToDouble(0x7FF8000000000001L), 1.5};
            doubles.allocateNew(values.length + 1);
            for (int i = 0; i < values.length; i++) {
                doubles.set(i, values[i]);
            }
            doubles.setNull(values.length);
            doubles.setValueCount(values.length + 1);
            ColumnBuffer buffer = new ColumnBuffer(PhysicalKind.FLOAT64, 8);
            buffer.append(doubles, null, 0, values.length + 1);
            assertEquals(3, DistinctSketch.of(buffer).estimate());

            strings.allocateNew();
            String[] texts = {"", "a", "a", "AIR", "AIR", "a much longer string of several words", ""};
            for (int i = 0; i < texts.length; i++) {
                strings.setSafe(i, texts[i].getBytes(StandardCharsets.UTF_8));
            }
            strings.setValueCount(texts.length);
            ColumnBuffer text = new ColumnBuffer(PhysicalKind.VARBINARY, 8);
            text.append(strings, null, 0, texts.length);
            assertEquals(4, DistinctSketch.of(text).estimate());
        }
    }

    @Test
    void zoneMapsCarryAndMergeSketches()
    {
        DistinctSketch sketch = DistinctSketch.empty();
        ZoneMap known = new ZoneMap(10, 2, 1L, 5L, sketch);
        assertEquals(0, known.distinctCount());
        ZoneMap unknown = new ZoneMap(10, 0, 1L, 5L);
        assertEquals(-1, unknown.distinctCount());
        assertNull(known.merge(dev.basalt.spi.type.DataTypes.BIGINT, unknown).distinct());
        assertEquals(0, new ZoneMap(3, 3, null, null).distinctCount());
        assertThrows(IllegalArgumentException.class, () -> DistinctSketch.of(new byte[3]));
        assertThrows(IllegalArgumentException.class, () -> DistinctSketch.of(new byte[64]).merge(DistinctSketch.of(bad())));
    }

    private static byte[] bad()
    {
        byte[] registers = new byte[64];
        registers[0] = 100;
        return registers;
    }
}
