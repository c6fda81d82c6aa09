package dev.basalt.storage.codec;

import dev.basalt.storage.column.ColumnBuffer;

import java.util.Arrays;

/**
 * Finds the distinct values of a long-backed chunk (open addressing, no boxing) and assigns codes in order of
 * first appearance. Gives up as soon as there are more distinct values than allowed, which bounds the cost of
 * trying a dictionary on high-cardinality chunks. Reused across chunks by one writer.
 */
public final class LongDictionaryBuilder
{
    private int[] slots = new int[0];
    private long[] entries = new long[0];
    private int[] codes = new int[0];
    private int size;

    /** Number of distinct values found by the last successful {@link #build}. */
    public int size()
    {
        return size;
    }

    public long[] entries()
    {
        return entries;
    }

    public int[] codes()
    {
        return codes;
    }

    /** Codes every row (null rows get code 0); false when more than {@code maxEntries} distinct values. */
    public boolean build(ColumnBuffer buffer, int maxEntries)
    {
        int rows = buffer.size();
        long[] values = buffer.values();
        int capacity = Integer.highestOneBit(Math.max(16, Math.min(maxEntries, rows) * 2 - 1)) << 1;
        int shift = 64 - Integer.numberOfTrailingZeros(capacity);
        int mask = capacity - 1;
        if (slots.length < capacity) {
            slots = new int[capacity];
        }
        else {
            Arrays.fill(slots, 0, capacity, 0);
        }
        if (codes.length < rows) {
            codes = new int[rows];
        }
        int limit = Math.min(maxEntries, rows);
        if (entries.length < limit) {
            entries = new long[limit];
        }
        boolean hasNulls = buffer.nullCount() > 0;
        size = 0;
        // Give up early when nearly every value so far is new: such chunks rarely end up below the limit.
        int checkpoint = Math.min(rows, Math.max(1024, rows / 8));
        for (int row = 0; row < rows; row++) {
            if (row == checkpoint && checkpoint < rows && size * 10L > checkpoint * 9L) {
                return false;
            }
            if (hasNulls && buffer.isNull(row)) {
                codes[row] = 0;
                continue;
            }
            long value = values[row];
            int slot = (int) ((value * 0x9E3779B97F4A7C15L) >>> shift);
            while (true) {
                int entry = slots[slot];
                if (entry == 0) {
                    if (size == limit) {
                        return false;
                    }
                    entries[size] = value;
                    slots[slot] = ++size;
                    codes[row] = size - 1;
                    break;
                }
                if (entries[entry - 1] == value) {
                    codes[row] = entry - 1;
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
        return true;
    }
}
