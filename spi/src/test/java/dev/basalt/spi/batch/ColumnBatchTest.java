package dev.basalt.spi.batch;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ColumnBatchTest
{
    private BufferAllocator allocator;

    @BeforeEach
    void setUp()
    {
        allocator = new RootAllocator();
    }

    @AfterEach
    void tearDown()
    {
        assertEquals(0, allocator.getAllocatedMemory(), "leaked Arrow memory");
        allocator.close();
    }

    private IntVector ints(String name, int... values)
    {
        IntVector vector = new IntVector(name, allocator);
        vector.allocateNew(values.length);
        for (int i = 0; i < values.length; i++) {
            vector.set(i, values[i]);
        }
        vector.setValueCount(values.length);
        return vector;
    }

    private VarCharVector strings(String name, String... values)
    {
        VarCharVector vector = new VarCharVector(name, allocator);
        vector.allocateNew();
        for (int i = 0; i < values.length; i++) {
            vector.setSafe(i, values[i].getBytes(StandardCharsets.UTF_8));
        }
        vector.setValueCount(values.length);
        return vector;
    }

    @Test
    void batchWithoutSelection()
    {
        IntVector a = ints("a", 10, 20, 30);
        VarCharVector b = strings("b", "x", "y", "z");
        try (ColumnBatch batch = ColumnBatch.of(List.of(a, b), 3)) {
            assertEquals(3, batch.rowCount());
            assertEquals(3, batch.physicalRowCount());
            assertEquals(2, batch.columnCount());
            assertSame(a, batch.column(0));
            assertSame(b, batch.column(1));
            assertEquals(List.of(a, b), batch.columns());
            assertFalse(batch.hasSelection());
            assertNull(batch.selection());
            for (int row = 0; row < 3; row++) {
                assertEquals(row, batch.position(row));
            }
            assertTrue(batch.retainedBytes() > 0);
            assertEquals("ColumnBatch{rows=3, physical=3, columns=[a, b]}", batch.toString());
            assertThrows(UnsupportedOperationException.class, () -> batch.columns().add(a));
        }
        assertEquals(0, a.getValueCapacity());
    }

    @Test
    void batchWithSelection()
    {
        IntVector a = ints("a", 10, 20, 30, 40);
        try (ColumnBatch batch = ColumnBatch.of(List.of(a), 4, new SelectionVector(new int[] {1, 3, 99}, 2))) {
            assertEquals(2, batch.rowCount());
            assertEquals(4, batch.physicalRowCount());
            assertTrue(batch.hasSelection());
            assertEquals(1, batch.position(0));
            assertEquals(3, batch.position(1));
            assertEquals(40, ((IntVector) batch.column(0)).get(batch.position(1)));
            assertEquals("ColumnBatch{rows=2, physical=4, columns=[a]}", batch.toString());
        }
    }

    @Test
    void batchMayBeShorterThanItsVectors()
    {
        try (ColumnBatch batch = ColumnBatch.of(List.of(ints("a", 1, 2, 3)), 2)) {
            assertEquals(2, batch.rowCount());
        }
    }

    @Test
    void emptyBatch()
    {
        try (ColumnBatch batch = ColumnBatch.of(List.of(), 0)) {
            assertEquals(0, batch.rowCount());
            assertEquals(0, batch.columnCount());
            assertEquals(0, batch.retainedBytes());
        }
        try (ColumnBatch batch = ColumnBatch.of(List.of(ints("a", 1, 2)), 2, new SelectionVector(0))) {
            assertEquals(0, batch.rowCount());
            assertEquals(2, batch.physicalRowCount());
        }
    }

    @Test
    void withSelectionMovesOwnership()
    {
        IntVector a = ints("a", 1, 2, 3);
        ColumnBatch original = ColumnBatch.of(List.of(a), 3);
        try (ColumnBatch filtered = original.withSelection(new SelectionVector(new int[] {0, 2}, 2))) {
            assertSame(a, filtered.column(0));
            assertEquals(2, filtered.rowCount());
            assertEquals(3, filtered.physicalRowCount());
            assertEquals(2, filtered.position(1));
            // The original is unchanged (it must not be closed, but it is still a valid description).
            assertEquals(3, original.rowCount());
            try (ColumnBatch unfiltered = filtered.withSelection(null)) {
                assertEquals(3, unfiltered.rowCount());
                assertFalse(unfiltered.hasSelection());
            }
        }
        // Closing the last batch freed the shared vectors (allocator check in tearDown).
        assertEquals(0, allocator.getAllocatedMemory());
    }

    @Test
    void withColumnsKeepsSelectionAndTakesTheNewVectors()
    {
        IntVector a = ints("a", 1, 2, 3);
        ColumnBatch original = ColumnBatch.of(List.of(a), 3, new SelectionVector(new int[] {2}, 1));
        IntVector b = ints("b", 7, 8, 9);
        try (ColumnBatch projected = original.withColumns(List.of(b))) {
            assertSame(b, projected.column(0));
            assertEquals(1, projected.rowCount());
            assertEquals(9, ((IntVector) projected.column(0)).get(projected.position(0)));
            assertSame(original.selection(), projected.selection());
        }
        assertEquals(0, b.getValueCapacity());
        // Vectors dropped by withColumns stay the caller's to release.
        assertTrue(a.getValueCapacity() > 0);
        a.close();
    }

    @Test
    void withColumnsRejectsShortVectors()
    {
        IntVector a = ints("a", 1, 2, 3);
        IntVector shortVector = ints("short", 1);
        try (ColumnBatch batch = ColumnBatch.of(List.of(a), 3)) {
            assertThrows(IllegalArgumentException.class, () -> batch.withColumns(List.of(shortVector)));
        }
        shortVector.close();
    }

    @Test
    void constructorRejectsShortVectorsAndNegativeCounts()
    {
        IntVector a = ints("a", 1, 2, 3);
        IntVector b = ints("b", 1, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ColumnBatch.of(List.of(a, b), 3));
        assertTrue(e.getMessage().contains("b"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ColumnBatch.of(List.of(a), -1));
        assertThrows(NullPointerException.class, () -> ColumnBatch.of(null, 0));
        a.close();
        b.close();
    }

    @Test
    void closeIsIdempotent()
    {
        IntVector a = ints("a", 1, 2, 3);
        ColumnBatch batch = ColumnBatch.of(List.of(a), 3);
        assertFalse(batch.isClosed());
        long before = allocator.getAllocatedMemory();
        assertTrue(before > 0);
        batch.close();
        assertTrue(batch.isClosed());
        assertEquals(0, allocator.getAllocatedMemory());
        batch.close();
        assertTrue(batch.isClosed());
        assertEquals(0, allocator.getAllocatedMemory());
    }

    @Test
    void closeClosesEveryColumnEvenWhenOneFails()
    {
        NullVector failing = new NullVector("failing")
        {
            @Override
            public void close()
            {
                throw new IllegalStateException("boom");
            }
        };
        failing.setValueCount(3);
        IntVector other = ints("other", 1, 2, 3);
        ColumnBatch batch = ColumnBatch.of(List.<FieldVector>of(failing, other), 3);
        IllegalStateException e = assertThrows(IllegalStateException.class, batch::close);
        assertEquals("boom", e.getMessage());
        assertEquals(0, other.getValueCapacity());
        batch.close();
    }

    @Test
    void defaultRowCount()
    {
        assertEquals(4096, ColumnBatch.DEFAULT_ROW_COUNT);
    }
}
