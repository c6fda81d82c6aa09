package dev.basalt.execution.hash;

import dev.basalt.execution.vector.Utf8;

import java.lang.foreign.MemorySegment;

/** A set of byte strings probed with ranges of Arrow buffers; for constant IN lists of VARCHARs. */
public final class BytesHashSet
{
    private final MemorySegment[] entries;
    private final int[] hashes;
    private final int mask;

    public BytesHashSet(java.util.List<byte[]> values)
    {
        int capacity = Integer.highestOneBit(Math.max(4, values.size() * 2 - 1)) << 1;
        entries = new MemorySegment[capacity];
        hashes = new int[capacity];
        mask = capacity - 1;
        for (byte[] value : values) {
            MemorySegment segment = MemorySegment.ofArray(value);
            int hash = Utf8.hash(segment, 0, value.length);
            if (contains(segment, 0, value.length, hash)) {
                continue;
            }
            int slot = hash & mask;
            while (entries[slot] != null) {
                slot = (slot + 1) & mask;
            }
            entries[slot] = segment;
            hashes[slot] = hash;
        }
    }

    public boolean contains(MemorySegment data, long start, long length)
    {
        return contains(data, start, length, Utf8.hash(data, start, length));
    }

    private boolean contains(MemorySegment data, long start, long length, int hash)
    {
        int slot = hash & mask;
        while (entries[slot] != null) {
            if (hashes[slot] == hash && Utf8.equals(entries[slot], 0, entries[slot].byteSize(), data, start, length)) {
                return true;
            }
            slot = (slot + 1) & mask;
        }
        return false;
    }
}
