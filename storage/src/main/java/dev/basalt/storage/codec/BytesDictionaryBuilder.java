package dev.basalt.storage.codec;

import dev.basalt.storage.column.ColumnBuffer;
import dev.basalt.storage.format.LittleEndian;

import java.util.Arrays;

/**
 * Finds the distinct strings of a VARCHAR chunk without copying them: an entry is the row where the value
 * first appears. Gives up past {@code maxEntries} distinct values. Reused across chunks by one writer.
 */
public final class BytesDictionaryBuilder
{
    private int[] slots = new int[0];
    private int[] entryRows = new int[0];
    private int[] codes = new int[0];
    private int size;
    private long entryBytes;

    public int size()
    {
        return size;
    }

    /** Row holding each dictionary entry's bytes. */
    public int[] entryRows()
    {
        return entryRows;
    }

    public int[] codes()
    {
        return codes;
    }

    /** Total bytes of the distinct values. */
    public long entryBytes()
    {
        return entryBytes;
    }

    public boolean build(ColumnBuffer buffer, int maxEntries)
    {
        int rows = buffer.size();
        byte[] bytes = buffer.bytes();
        int[] offsets = buffer.offsets();
        int capacity = Integer.highestOneBit(Math.max(16, Math.min(maxEntries, rows) * 2 - 1)) << 1;
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
        if (entryRows.length < limit) {
            entryRows = new int[limit];
        }
        boolean hasNulls = buffer.nullCount() > 0;
        size = 0;
        // Give up early when nearly every value so far is new: such chunks rarely end up below the limit.
        int checkpoint = Math.min(rows, Math.max(1024, rows / 8));
        entryBytes = 0;
        for (int row = 0; row < rows; row++) {
            if (row == checkpoint && checkpoint < rows && size * 10L > checkpoint * 9L) {
                return false;
            }
            if (hasNulls && buffer.isNull(row)) {
                codes[row] = 0;
                continue;
            }
            int start = offsets[row];
            int end = offsets[row + 1];
            int slot = hash(bytes, start, end) & mask;
            while (true) {
                int entry = slots[slot];
                if (entry == 0) {
                    if (size == limit) {
                        return false;
                    }
                    entryRows[size] = row;
                    entryBytes += end - start;
                    slots[slot] = ++size;
                    codes[row] = size - 1;
                    break;
                }
                int other = entryRows[entry - 1];
                if (Arrays.equals(bytes, start, end, bytes, offsets[other], offsets[other + 1])) {
                    codes[row] = entry - 1;
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
        return true;
    }

    private static int hash(byte[] bytes, int start, int end)
    {
        long hash = 0x9E3779B97F4A7C15L ^ (end - start);
        int i = start;
        for (; i + 8 <= end; i += 8) {
            hash = (hash ^ LittleEndian.getLong(bytes, i)) * 0xC2B2AE3D27D4EB4FL;
            hash ^= hash >>> 29;
        }
        for (; i < end; i++) {
            hash = (hash ^ (bytes[i] & 0xFF)) * 0x100000001B3L;
        }
        hash ^= hash >>> 32;
        hash *= 0xD6E8FEB86659FD93L;
        return (int) (hash ^ (hash >>> 32));
    }
}
