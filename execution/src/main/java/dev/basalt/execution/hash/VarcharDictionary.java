package dev.basalt.execution.hash;

import dev.basalt.execution.vector.Utf8;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * Maps distinct strings to dense ids 1, 2, 3, ... (0 is left for NULL), so that string keys hash and compare as
 * integers. Strings of up to 7 bytes are looked up by their bytes packed into a long, without touching the arena.
 */
public final class VarcharDictionary
{
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final ValueLayout.OfByte BYTE = ValueLayout.JAVA_BYTE;

    // short strings: packed bytes + length -> id
    private long[] shortKeys = new long[64];
    private int[] shortIds = new int[64];
    private int shortCount;

    // long strings: bytes in an arena, open addressing on their hash
    private byte[] arena = new byte[1024];
    private int arenaSize;
    private int[] starts = new int[64];
    private int[] lengths = new int[64];
    private int[] hashes = new int[64];
    private int[] slots = new int[64];
    private int[] ids = new int[64];
    private int longCount;

    private int size;

    /** Ids of one-byte strings by their byte (0 = not seen yet), the common CHAR(1) flag columns. */
    private final int[] singleByteIds = new int[256];
    private int emptyStringId;

    /** Number of distinct strings. */
    public int size()
    {
        return size;
    }

    private static long shortKey(MemorySegment data, long start, int length)
    {
        long word;
        if (start + 8 <= data.byteSize()) {
            word = length == 0 ? 0 : data.get(LONG, start) & (-1L >>> (64 - 8 * length));
        }
        else {
            word = 0;
            for (int i = 0; i < length; i++) {
                word |= (data.get(BYTE, start + i) & 0xFFL) << (8 * i);
            }
        }
        return word | ((long) length << 56);
    }

    /** The id of the string, adding it when unseen. */
    public int getOrAdd(MemorySegment data, long start, int length)
    {
        return find(data, start, length, true);
    }

    /** The id of the string, or 0 when it was never added. */
    public int lookup(MemorySegment data, long start, int length)
    {
        return find(data, start, length, false);
    }

    private int find(MemorySegment data, long start, int length, boolean add)
    {
        if (length == 1) {
            int b = data.get(BYTE, start) & 0xFF;
            int id = singleByteIds[b];
            if (id == 0 && add) {
                id = ++size;
                singleByteIds[b] = id;
            }
            return id;
        }
        if (length == 0) {
            if (emptyStringId == 0 && add) {
                emptyStringId = ++size;
            }
            return emptyStringId;
        }
        if (length <= 7) {
            long key = shortKey(data, start, length);
            int mask = shortKeys.length - 1;
            int slot = (int) HashMixer.mix(key) & mask;
            while (shortIds[slot] != 0) {
                if (shortKeys[slot] == key) {
                    return shortIds[slot];
                }
                slot = (slot + 1) & mask;
            }
            if (!add) {
                return 0;
            }
            int id = ++size;
            shortKeys[slot] = key;
            shortIds[slot] = id;
            if (2 * ++shortCount > shortKeys.length) {
                rehashShort();
            }
            return id;
        }
        int hash = Utf8.hash(data, start, length);
        int mask = slots.length - 1;
        int slot = hash & mask;
        MemorySegment arenaSegment = MemorySegment.ofArray(arena);
        while (slots[slot] != 0) {
            int entry = slots[slot] - 1;
            if (hashes[entry] == hash && Utf8.equals(arenaSegment, starts[entry], lengths[entry], data, start, length)) {
                return ids[entry];
            }
            slot = (slot + 1) & mask;
        }
        if (!add) {
            return 0;
        }
        int entry = longCount++;
        if (entry == starts.length) {
            starts = Arrays.copyOf(starts, 2 * entry);
            lengths = Arrays.copyOf(lengths, 2 * entry);
            hashes = Arrays.copyOf(hashes, 2 * entry);
            ids = Arrays.copyOf(ids, 2 * entry);
        }
        if (arenaSize + length > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaSize + length));
        }
        MemorySegment.copy(data, BYTE, start, arena, arenaSize, length);
        starts[entry] = arenaSize;
        lengths[entry] = length;
        hashes[entry] = hash;
        ids[entry] = ++size;
        arenaSize += length;
        slots[slot] = entry + 1;
        if (2 * longCount > slots.length) {
            rehashLong();
        }
        return ids[entry];
    }

    private void rehashShort()
    {
        long[] oldKeys = shortKeys;
        int[] oldIds = shortIds;
        shortKeys = new long[oldKeys.length * 2];
        shortIds = new int[oldKeys.length * 2];
        int mask = shortKeys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldIds[i] != 0) {
                int slot = (int) HashMixer.mix(oldKeys[i]) & mask;
                while (shortIds[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                shortKeys[slot] = oldKeys[i];
                shortIds[slot] = oldIds[i];
            }
        }
    }

    private void rehashLong()
    {
        slots = new int[slots.length * 2];
        int mask = slots.length - 1;
        for (int entry = 0; entry < longCount; entry++) {
            int slot = hashes[entry] & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = entry + 1;
        }
    }

    /** Approximate heap bytes held. */
    public long bytes()
    {
        return 12L * shortKeys.length + arena.length + 20L * starts.length + 4L * slots.length;
    }
}
