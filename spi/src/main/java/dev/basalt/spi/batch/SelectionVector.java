package dev.basalt.spi.batch;

import java.util.Arrays;

/**
 * The positions of the live rows of a batch, ascending. Filters narrow a selection instead of copying
 * column data; only pipeline breakers (sort, hash build, result materialization) compact.
 * Mutable so that an operator can reuse one per batch; a batch that has been handed on is not changed.
 */
public final class SelectionVector
{
    private int[] positions;
    private int size;

    public SelectionVector(int capacity)
    {
        this.positions = new int[capacity];
    }

    public SelectionVector(int[] positions, int size)
    {
        if (size < 0 || size > positions.length) {
            throw new IllegalArgumentException("size " + size + " out of range 0.." + positions.length);
        }
        this.positions = positions;
        this.size = size;
    }

    /** A selection of all positions 0..count-1. */
    public static SelectionVector all(int count)
    {
        int[] positions = new int[count];
        for (int i = 0; i < count; i++) {
            positions[i] = i;
        }
        return new SelectionVector(positions, count);
    }

    public int size()
    {
        return size;
    }

    public int get(int index)
    {
        return positions[index];
    }

    /** The backing array; valid entries are [0, size). Exposed for hot loops. */
    public int[] positions()
    {
        return positions;
    }

    public void setSize(int size)
    {
        if (size < 0 || size > positions.length) {
            throw new IllegalArgumentException("size " + size + " out of range 0.." + positions.length);
        }
        this.size = size;
    }

    public void ensureCapacity(int capacity)
    {
        if (positions.length < capacity) {
            positions = Arrays.copyOf(positions, capacity);
        }
    }

    public void add(int position)
    {
        if (size == positions.length) {
            positions = Arrays.copyOf(positions, Math.max(16, size * 2));
        }
        positions[size++] = position;
    }

    public SelectionVector copy()
    {
        return new SelectionVector(Arrays.copyOf(positions, size), size);
    }

    @Override
    public String toString()
    {
        return "SelectionVector" + Arrays.toString(Arrays.copyOf(positions, Math.min(size, 20))) + (size > 20 ? "..." : "");
    }
}
