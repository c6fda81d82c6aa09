package dev.basalt.execution.hash;

import java.util.Arrays;

/** A set of longs with open addressing and linear probing; for constant IN lists. */
public final class LongHashSet
{
    private long[] keys;
    private boolean[] used;
    private int mask;
    private int size;

    public LongHashSet(int expected)
    {
        int capacity = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        used = new boolean[capacity];
        mask = capacity - 1;
    }

    public void add(long key)
    {
        if (2 * (size + 1) > keys.length) {
            rehash();
        }
        int slot = (int) HashMixer.mix(key) & mask;
        while (used[slot]) {
            if (keys[slot] == key) {
                return;
            }
            slot = (slot + 1) & mask;
        }
        used[slot] = true;
        keys[slot] = key;
        size++;
    }

    public boolean contains(long key)
    {
        int slot = (int) HashMixer.mix(key) & mask;
        while (used[slot]) {
            if (keys[slot] == key) {
                return true;
            }
            slot = (slot + 1) & mask;
        }
        return false;
    }

    public int size()
    {
        return size;
    }

    private void rehash()
    {
        long[] oldKeys = keys;
        boolean[] oldUsed = used;
        keys = new long[oldKeys.length * 2];
        used = new boolean[oldKeys.length * 2];
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldUsed[i]) {
                add(oldKeys[i]);
            }
        }
    }

    @Override
    public String toString()
    {
        return "LongHashSet" + Arrays.toString(Arrays.copyOf(keys, Math.min(keys.length, 8)));
    }
}
