package dev.basalt.execution.hash;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Lookups agree with a HashMap through every probe structure: slots, the Bloom filter, the direct index, the bitmap. */
class GroupHashTableTest
{
    @Test
    void probeStructuresAgreeWithMap()
    {
        Random random = new Random(11);
        // dense keys (direct index), sparse keys (filter), small table (neither), negative dense keys, keys of a
        // moderate range (membership bitmap)
        long[][] keySets = {range(-5, 100_000, 1), range(0, 100_000, 1_000_003), range(0, 500, 7), range(-400_000, 90_000, 3),
                range(-1000, 2000, 100), range(7, 5000, 25), range(5, 200, 997)};
        for (long[] keys : keySets) {
            GroupHashTable table = new GroupHashTable(1, keys.length);
            int[] ids = new int[keys.length];
            table.findOrAdd(keys, keys.length, null, ids);
            Map<Long, Integer> expected = new HashMap<>();
            for (int i = 0; i < keys.length; i++) {
                expected.put(keys[i], ids[i]);
            }
            table.buildProbeFilter();
            // mostly misses first (the filter stays), then mostly hits (it is dropped); results must not change
            for (int round = 0; round < 12; round++) {
                int count = 4096;
                long[] probe = new long[count];
                boolean[] skip = new boolean[count];
                for (int i = 0; i < count; i++) {
                    boolean hit = round < 6 ? random.nextInt(10) == 0 : random.nextInt(10) != 0;
                    long near = keys[random.nextInt(keys.length)] + random.nextInt(-64, 64);
                    probe[i] = hit ? keys[random.nextInt(keys.length)] : random.nextBoolean() ? near : random.nextLong(-1_000_000, 200_000_000_000L);
                    skip[i] = random.nextInt(50) == 0;
                }
                int[] out = new int[count];
                table.find(probe, count, skip, out);
                for (int i = 0; i < count; i++) {
                    int want = skip[i] ? -1 : expected.getOrDefault(probe[i], -1);
                    assertEquals(want, out[i], "key " + probe[i]);
                }
            }
        }
    }

    private static long[] range(long start, int count, long step)
    {
        long[] keys = new long[count];
        for (int i = 0; i < count; i++) {
            keys[i] = start + i * step;
        }
        return keys;
    }
}
