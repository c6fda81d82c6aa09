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
    private static final int FILTER_MIN_KEYS = 1 << 16;
    private static final int FILTER_TRIAL_PROBES = 1 << 14;
    private static final int DIRECT_MIN_KEYS = 1 << 10;
    private static final long DIRECT_MAX_RANGE = 1L << 26;

    private final int words;
    private int mask;
    /** Multi-word keys: the id in each slot. */
    private int[] slotIds;
    /**
     * One-word keys: (key, id) pairs side by side, so a probe touches one cache line instead of two (probing a
     * table larger than the cache is bound by these misses).
     */
    private long[] slots;
    /** Keys by id, {@code words} longs each. */
    private long[] keysById;
    private long[] hashesById;
    private boolean[] keyless;
    private int size;
    /** Optional probe filter ({@link #buildProbeFilter}); null when absent. */
    private long[] filter;
    private int filterShift;
    /** Probes checked against / passed by the filter: it is dropped when most probes pass (it only adds a miss). */
    private long filterChecks;
    private long filterPasses;
    /**
     * Optional direct index for one-word keys of a compact range (a join build on dense keys such as o_orderkey):
     * id of key {@code directBase + i} at {@code direct[i]}. Sorted or clustered probe keys then read it almost
     * sequentially instead of at hashed (random) slots.
     */
    private int[] direct;
    private long directBase;
    /**
     * Optional exact membership bitmap for one-word keys of a moderate range (too sparse for {@link #direct}): bit
     * {@code key - bitsBase}. A probe that misses (most of them in a selective join such as Q17's lineitem against
     * the parts of one brand and container) costs one bit test instead of a walk through the slots.
     */
    private long[] bits;
    private long bitsBase;
    private static final long BITS_MIN_RANGE = 1L << 18;
    private static final long BITS_PER_KEY = 32;

    public GroupHashTable(int words, int expectedSize)
    {
        this.words = words;
        int capacity = Integer.highestOneBit(Math.max(16, expectedSize) * 2 - 1) << 1;
        this.mask = capacity - 1;
        this.slotIds = words == 1 ? null : emptySlotIds(capacity);
        this.slots = words == 1 ? emptySlots(capacity) : null;
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
        filter = null;
        direct = null;
        bits = null;
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
        if (direct != null) {
            findDirect(codes, count, skip, out);
            return;
        }
        if (bits != null) {
            findWithBits(codes, count, skip, out);
            return;
        }
        // read once: a shared (join build) table is probed by several threads, and one of them may drop the filter
        long[] probeFilter = filter;
        // counted locally and published once per call: per-row writes to a shared field would bounce its cache line
        // (and the table's other fields) between the probing threads
        long passes = 0;
        for (int i = 0; i < count; i++) {
            if (skip != null && skip[i]) {
                out[i] = EMPTY;
                continue;
            }
            if (words == 1) {
                long key = codes[i];
                long h = HashMixer.mix(key);
                if (probeFilter != null && !mayContain(probeFilter, h)) {
                    out[i] = EMPTY;
                    continue;
                }
                passes++;
                int slot = (int) h & mask;
                int id;
                while ((id = (int) slots[2 * slot + 1]) != EMPTY && slots[2 * slot] != key) {
                    slot = (slot + 1) & mask;
                }
                out[i] = id;
            }
            else {
                int offset = i * words;
                long h = hash(codes, offset);
                if (probeFilter != null && !mayContain(probeFilter, h)) {
                    out[i] = EMPTY;
                    continue;
                }
                passes++;
                int slot = (int) h & mask;
                int id;
                while ((id = slotIds[slot]) != EMPTY && !(hashesById[id] == h && equal(id, codes, offset))) {
                    slot = (slot + 1) & mask;
                }
                out[i] = id;
            }
        }
        if (probeFilter == null) {
            return;
        }
        // racy when shared, but only a heuristic: a lost update delays dropping the filter a little
        filterChecks += count;
        filterPasses += passes;
        if (filterChecks >= FILTER_TRIAL_PROBES && 2 * filterPasses > filterChecks) {
            // most probes find their key: the filter is one more memory access for nothing
            filter = null;
        }
    }

    /**
     * For a table that is only probed from now on (a join build). One-word keys of a compact range get a direct
     * index ({@link #direct}), of a moderate range a membership bitmap ({@link #bits}). Otherwise large tables get a blocked Bloom filter (one word, two bits per key, about
     * 8 bits per key) that {@link #find} consults first: a probe that misses a table larger than the cache then
     * usually costs one cache-resident word instead of a cache and TLB miss (selective joins such as Q5's orders
     * of one year); it is dropped again when most probes pass. {@link #findOrAdd} drops both.
     */
    public void buildProbeFilter()
    {
        filter = null;
        direct = null;
        bits = null;
        if (words == 1 && buildDirectIndex()) {
            return;
        }
        if (size < FILTER_MIN_KEYS) {
            return;
        }
        int filterWords = Math.min(1 << 20, Integer.highestOneBit(Math.max(64, size / 8)) << 1);
        filter = new long[filterWords];
        filterShift = 64 - Integer.numberOfTrailingZeros(filterWords);
        for (int id = 0; id < size; id++) {
            if (keyless[id]) {
                continue;
            }
            long h = words == 1 ? HashMixer.mix(keysById[id]) : hashesById[id];
            filter[(int) (h >>> filterShift)] |= filterBits(h);
        }
    }

    /**
     * Builds {@link #direct} when the keys span at most 16x as many values as there are keys (4 bytes per value:
     * at most the slot table's 16-32 bytes per key again) and at most 2^26 values; else {@link #bits} when they span
     * at most 2^18 values (a 32 KB bitmap: even for a few keys, a well-predicted bit test beats walking the slots,
     * whose probe length varies) or 32 values per key.
     */
    private boolean buildDirectIndex()
    {
        if (size == 0) {
            return false;
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int id = 0; id < size; id++) {
            if (keyless[id]) {
                continue;
            }
            min = Math.min(min, keysById[id]);
            max = Math.max(max, keysById[id]);
        }
        if (min > max) {
            return false;
        }
        long range = max - min + 1;
        boolean directFits = size >= DIRECT_MIN_KEYS && range > 0 && range <= 16L * size && range <= DIRECT_MAX_RANGE;
        if (!directFits && range > 0 && range <= DIRECT_MAX_RANGE && range <= Math.max(BITS_MIN_RANGE, BITS_PER_KEY * size)) {
            long[] set = new long[(int) ((range + 63) >>> 6)];
            for (int id = 0; id < size; id++) {
                if (!keyless[id]) {
                    long offset = keysById[id] - min;
                    set[(int) (offset >>> 6)] |= 1L << offset;
                }
            }
            bits = set;
            bitsBase = min;
            return true;
        }
        if (!directFits) {
            return false;
        }
        int[] index = new int[(int) range];
        Arrays.fill(index, EMPTY);
        for (int id = 0; id < size; id++) {
            if (!keyless[id]) {
                index[(int) (keysById[id] - min)] = id;
            }
        }
        direct = index;
        directBase = min;
        return true;
    }

    private void findDirect(long[] codes, int count, boolean[] skip, int[] out)
    {
        int[] index = direct;
        long base = directBase;
        long length = index.length;
        for (int i = 0; i < count; i++) {
            long offset = codes[i] - base;
            // unsigned compare: a key below the base wraps to a huge offset
            boolean inRange = Long.compareUnsigned(offset, length) < 0;
            out[i] = inRange && (skip == null || !skip[i]) ? index[(int) offset] : EMPTY;
        }
    }

    private void findWithBits(long[] codes, int count, boolean[] skip, int[] out)
    {
        long[] set = bits;
        long base = bitsBase;
        long length = (long) set.length << 6;
        for (int i = 0; i < count; i++) {
            long key = codes[i];
            long offset = key - base;
            // unsigned compare: a key below the base wraps to a huge offset
            if (Long.compareUnsigned(offset, length) >= 0 || (set[(int) (offset >>> 6)] & (1L << offset)) == 0 || skip != null && skip[i]) {
                out[i] = EMPTY;
                continue;
            }
            // present: the walk ends at the key
            int slot = (int) HashMixer.mix(key) & mask;
            int id;
            while ((id = (int) slots[2 * slot + 1]) != EMPTY && slots[2 * slot] != key) {
                slot = (slot + 1) & mask;
            }
            out[i] = id;
        }
    }

    private static long filterBits(long h)
    {
        // bits 32..43 of the hash: independent of the slot (low bits) and the filter word (high bits)
        return (1L << (h >>> 32)) | (1L << (h >>> 38));
    }

    private boolean mayContain(long[] probeFilter, long h)
    {
        long bits = filterBits(h);
        return (probeFilter[(int) (h >>> filterShift)] & bits) == bits;
    }

    private int findOrAddOne(long key)
    {
        int slot = (int) HashMixer.mix(key) & mask;
        int id;
        while ((id = (int) slots[2 * slot + 1]) != EMPTY) {
            if (slots[2 * slot] == key) {
                return id;
            }
            slot = (slot + 1) & mask;
        }
        ensureIdCapacity();
        id = size++;
        slots[2 * slot] = key;
        slots[2 * slot + 1] = id;
        keysById[id] = key;
        if (2 * size > mask + 1) {
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
        if (2 * size > mask + 1) {
            rehash();
        }
        return id;
    }

    private static int[] emptySlotIds(int capacity)
    {
        int[] ids = new int[capacity];
        Arrays.fill(ids, EMPTY);
        return ids;
    }

    private static long[] emptySlots(int capacity)
    {
        long[] pairs = new long[2 * capacity];
        for (int slot = 0; slot < capacity; slot++) {
            pairs[2 * slot + 1] = EMPTY;
        }
        return pairs;
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
        int capacity = (mask + 1) * 2;
        mask = capacity - 1;
        if (words == 1) {
            slots = emptySlots(capacity);
            for (int id = 0; id < size; id++) {
                if (keyless[id]) {
                    continue;
                }
                int slot = (int) HashMixer.mix(keysById[id]) & mask;
                while (slots[2 * slot + 1] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                slots[2 * slot] = keysById[id];
                slots[2 * slot + 1] = id;
            }
            return;
        }
        slotIds = emptySlotIds(capacity);
        for (int id = 0; id < size; id++) {
            if (keyless[id]) {
                continue;
            }
            int slot = (int) hashesById[id] & mask;
            while (slotIds[slot] != EMPTY) {
                slot = (slot + 1) & mask;
            }
            slotIds[slot] = id;
        }
    }

    /** Approximate heap bytes held. */
    public long bytes()
    {
        return (direct == null ? 0 : 4L * direct.length) + (bits == null ? 0 : 8L * bits.length) + (filter == null ? 0 : 8L * filter.length) + (slotIds == null ? 0 : 4L * slotIds.length) + (slots == null ? 0 : 8L * slots.length) + 8L * keysById.length + 9L * hashesById.length;
    }
}
