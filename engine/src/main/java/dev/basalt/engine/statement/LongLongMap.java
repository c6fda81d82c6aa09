package dev.basalt.engine.statement;

/**
 * An open-addressing map from long to long without boxing, for unique-key checks over many rows (a COPY of
 * millions of rows into a table with an integer primary key). Linear probing, load factor at most 1/2.
 */
final class LongLongMap
{
    private long[] keys;
    private long[] values;
    private boolean[] used;
    private int mask;
    private int size;

    LongLongMap()
    {
        allocate(64);
    }

    /** The value for {@code key}, or {@code missing} when there is none. */
    long get(long key, long missing)
    {
        int slot = slot(key);
        while (used[slot]) {
            if (keys[slot] == key) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        return missing;
    }

    void put(long key, long value)
    {
        int slot = slot(key);
        while (used[slot]) {
            if (keys[slot] == key) {
                values[slot] = value;
                return;
            }
            slot = (slot + 1) & mask;
        }
        used[slot] = true;
        keys[slot] = key;
        values[slot] = value;
        size++;
        if (size * 2 > keys.length) {
            grow();
        }
    }

    /** Adds the key (value 0) when absent; true when it was absent. */
    boolean add(long key)
    {
        int slot = slot(key);
        while (used[slot]) {
            if (keys[slot] == key) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        put(key, 0);
        return true;
    }

    int size()
    {
        return size;
    }

    private int slot(long key)
    {
        // murmur3 finalizer: spreads sequential keys over the table
        long hash = key;
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        hash ^= hash >>> 33;
        return (int) hash & mask;
    }

    private void grow()
    {
        long[] oldKeys = keys;
        long[] oldValues = values;
        boolean[] oldUsed = used;
        allocate(oldKeys.length * 2);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldUsed[i]) {
                int slot = slot(oldKeys[i]);
                while (used[slot]) {
                    slot = (slot + 1) & mask;
                }
                used[slot] = true;
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }

    private void allocate(int capacity)
    {
        keys = new long[capacity];
        values = new long[capacity];
        used = new boolean[capacity];
        mask = capacity - 1;
    }
}
