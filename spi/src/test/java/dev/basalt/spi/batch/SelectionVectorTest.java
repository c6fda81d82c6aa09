package dev.basalt.spi.batch;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SelectionVectorTest
{
    @Test
    void addGrowsBeyondTheInitialCapacity()
    {
        for (int capacity : new int[] {0, 1, 5, 16}) {
            SelectionVector selection = new SelectionVector(capacity);
            assertEquals(0, selection.size());
            for (int i = 0; i < 1000; i++) {
                selection.add(i * 3);
            }
            assertEquals(1000, selection.size());
            for (int i = 0; i < 1000; i++) {
                assertEquals(i * 3, selection.get(i));
            }
            assertTrue(selection.positions().length >= 1000);
        }
    }

    @Test
    void all()
    {
        SelectionVector selection = SelectionVector.all(5);
        assertEquals(5, selection.size());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, selection.positions());
        assertEquals(0, SelectionVector.all(0).size());
        SelectionVector large = SelectionVector.all(4096);
        assertEquals(4095, large.get(4095));
    }

    @Test
    void copyIsIndependentAndTrimmed()
    {
        SelectionVector original = new SelectionVector(64);
        original.add(2);
        original.add(5);
        SelectionVector copy = original.copy();
        assertEquals(2, copy.size());
        assertEquals(2, copy.positions().length);
        assertNotSame(original.positions(), copy.positions());
        original.positions()[0] = 99;
        original.add(7);
        assertEquals(2, copy.get(0));
        assertEquals(2, copy.size());
        copy.add(9);
        assertEquals(3, copy.size());
        assertEquals(9, copy.get(2));
        assertEquals(3, original.size());
        assertEquals(7, original.get(2));
    }

    @Test
    void wrapsAnArrayWithoutCopying()
    {
        int[] positions = {1, 4, 6, 0};
        SelectionVector selection = new SelectionVector(positions, 3);
        assertSame(positions, selection.positions());
        assertEquals(3, selection.size());
        assertEquals(6, selection.get(2));
        assertThrows(IllegalArgumentException.class, () -> new SelectionVector(positions, 5));
        assertThrows(IllegalArgumentException.class, () -> new SelectionVector(positions, -1));
    }

    @Test
    void setSizeWithinCapacity()
    {
        SelectionVector selection = new SelectionVector(4);
        int[] positions = selection.positions();
        positions[0] = 3;
        positions[1] = 8;
        selection.setSize(2);
        assertEquals(2, selection.size());
        assertEquals(8, selection.get(1));
        selection.setSize(0);
        assertEquals(0, selection.size());
        assertThrows(IllegalArgumentException.class, () -> selection.setSize(5));
        assertThrows(IllegalArgumentException.class, () -> selection.setSize(-1));
    }

    @Test
    void ensureCapacityKeepsContents()
    {
        SelectionVector selection = new SelectionVector(2);
        selection.add(4);
        selection.add(9);
        int[] before = selection.positions();
        selection.ensureCapacity(1);
        assertSame(before, selection.positions());
        selection.ensureCapacity(100);
        assertTrue(selection.positions().length >= 100);
        assertEquals(2, selection.size());
        assertEquals(4, selection.get(0));
        assertEquals(9, selection.get(1));
        selection.setSize(100);
        assertEquals(100, selection.size());
    }

    @Test
    void toStringShowsAtMostTwentyPositions()
    {
        assertEquals("SelectionVector[0, 1, 2]", SelectionVector.all(3).toString());
        assertEquals("SelectionVector[]", new SelectionVector(8).toString());
        String large = SelectionVector.all(30).toString();
        assertTrue(large.endsWith("19]..."), large);
    }
}
