package dev.basalt.engine.statement;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LongLongMapTest
{
    @Test
    void behavesLikeHashMapAcrossGrowth()
    {
        LongLongMap map = new LongLongMap();
        Map<Long, Long> expected = new HashMap<>();
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            // small ranges: many overwrites; extremes included
            long key = switch (i % 4) {
                case 0 -> random.nextInt(5_000) - 2_500;
                case 1 -> Long.MAX_VALUE - random.nextInt(10);
                case 2 -> Long.MIN_VALUE + 1 + random.nextInt(10);
                default -> ((long) random.nextInt(100) << 32) | random.nextInt(100);
            };
            map.put(key, i);
            expected.put(key, (long) i);
        }
        assertEquals(expected.size(), map.size());
        for (Map.Entry<Long, Long> entry : expected.entrySet()) {
            assertEquals(entry.getValue(), map.get(entry.getKey(), -1));
        }
        assertEquals(-1, map.get(123_456_789L, -1));
        assertTrue(map.add(987_654_321L));
        assertFalse(map.add(987_654_321L));
        assertEquals(0, map.get(987_654_321L, -1));
    }
}
