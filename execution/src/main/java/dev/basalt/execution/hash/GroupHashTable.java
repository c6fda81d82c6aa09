package dev.basalt.execution.hash;

import java.util.Arrays;

/**
 * Assigns dense ids 0, 1, 2, ... to distinct keys of {@code words} longs (open addressing, linear probing, load
 * factor at most 1/2). Keys are stored by id, so ids stay stable across rehashes. One-word keys (the common case)
 * have their own loops that keep key and id side by side in the slot arrays.
 */
public final class GroupHashTable
{
    private static final int EMPTY = -1;

    private final int words;
    private int mask;
    private int[] slotIds;
    /** One-word keys: the key of the slot. */
    private long[] slotKeys;
    /** Keys by id, {@code words} longs each. */
    private long[] keysById;
    private long[] hashesById;
    private boolean[] keyless;
    private int size;

    public GroupHashTable(int words, int expectedSize)
    {
        this.words = words;
        int capacity = Integer.highestOneBit(Math.max(16, expectedSize) * 2 - 1) << 1;
        this.mask = capacity - 1;
        this.slotIds = new int[capacity];
        Arrays.fill(slotIds, EMPTY);
        this.slotKeys = words == 1 ? new long[capacity] : null;
        this.keysById = new long[(capacity / 2) * words];
        this.hashesById = new long[capacity / 2];
        this.keyless = new boolean[capacity / 2];
    }

    public int size()
    {
        return size;
    }

    public int words()
    {
        return words;
    }

    private long hash(long[] codes, int offset)
    {
        long h = HashMixer.mix(codes[offset]);
        for (int w = 1; w < words; w++) {
            h = HashMixer.combine(h, codes[offset + w]);
        }
        return h;
    }

    private boolean equal(int id, long[] codes, int offset)
    {
        int base = id * words;
        for (int w = 0; w < words; w++) {
            if (keysById[base + w] != codes[offset + w]) {
                return false;
            }
        }
        return true;
    }

    /** A new group with no key (e.g. the NULL group of a single-key aggregation); never found by lookups. */
    public int addKeylessGroup()
    {
        ensureIdCapacity();
        keyless[size] = true;
        return size++;
    }

    /** out[i] = id of the key at codes[i * words], adding unseen keys; rows flagged in {@code skip} get -1. */
    public void findOrAdd(long[] codes, int count, boolean[] skip, int[] out)
    {
        if (words == 1) {
            for (int i = 0; i < count; i++) {
                out[i] = skip != null && skip[i] ? EMPTY : findOrAddOne(codes[i]);
            }
            return;
        }
        for (int i = 0; i < count; i++) {
            out[i] = skip != null && skip[i] ? EMPTY : findOrAddMulti(codes, i * words);
        }
    }

    /** out[i] = id of the key at codes[i * words], or -1 when absent or flagged in {@code skip}. */
    public void find(long[] codes, int count, boolean[] skip, int[] out)
    {
        for (int i = 0; i < count; i++) {
            if (skip != null && skip[i]) {
                out[i] = EMPTY;
                continue;
            }
            if (words == 1) {
                long key = codes[i];
                int slot = (int) HashMixer.mix(key) & mask;
                int id;
                while ((id = slotIds[slot]) != EMPTY && slotKeys[slot] != key) {
                    slot = (slot + 1) & mask;
                }
                out[i] = id;
            }
            else {
                int offset = i * words;
                long h = hash(codes, offset);
                int slot = (int) h & mask;
                int id;
                while ((id = slotIds[slot]) != EMPTY && !(hashesById[id] == h && equal(id, codes, offset))) {
                    slot = (slot + 1) & mask;
                }
                out[i] = id;
            }
        }
    }

    private int findOrAddOne(long key)
    {
        int slot = (int) HashMixer.mix(key) & mask;
        int id;
        while ((id = slotIds[slot]) != EMPTY) {
            if (slotKeys[slot] == key) {
                return id;
            }
            slot = (slot + 1) & mask;
        }
        ensureIdCapacity();
        id = size++;
        slotIds[slot] = id;
        slotKeys[slot] = key;
        keysById[id] = key;
        if (2 * size > slotIds.length) {
            rehash();
        }
        return id;
    }

    private int findOrAddMulti(long[] codes, int offset)
    {
        long h = hash(codes, offset);
        int slot = (int) h & mask;
        int id;
        while ((id = slotIds[slot]) != EMPTY) {
            if (hashesById[id] == h && equal(id, codes, offset)) {
                return id;
            }
            slot = (slot + 1) & mask;
        }
        ensureIdCapacity();
        id = size++;
        slotIds[slot] = id;
        System.arraycopy(codes, offset, keysById, id * words, words);
        hashesById[id] = h;
        if (2 * size > slotIds.length) {
            rehash();
        }
        return id;
    }

    private void ensureIdCapacity()
    {
        if (size == hashesById.length) {
            int capacity = Math.max(16, hashesById.length * 2);
            keysById = Arrays.copyOf(keysById, capacity * words);
            hashesById = Arrays.copyOf(hashesById, capacity);
            keyless = Arrays.copyOf(keyless, capacity);
        }
    }

    private void rehash()
    {
        int capacity = slotIds.length * 2;
        mask = capacity - 1;
        slotIds = new int[capacity];
        Arrays.fill(slotIds, EMPTY);
        if (words == 1) {
            slotKeys = new long[capacity];
        }
        for (int id = 0; id < size; id++) {
            if (keyless[id]) {
                continue;
            }
            long h = words == 1 ? HashMixer.mix(keysById[id]) : hashesById[id];
            int slot = (int) h & mask;
            while (slotIds[slot] != EMPTY) {
                slot = (slot + 1) & mask;
            }
            slotIds[slot] = id;
            if (words == 1) {
                slotKeys[slot] = keysById[id];
            }
        }
    }

    /** Approximate heap bytes held. */
    public long bytes()
    {
        return 4L * slotIds.length + (slotKeys == null ? 0 : 8L * slotKeys.length) + 8L * keysById.length + 9L * hashesById.length;
    }
}
