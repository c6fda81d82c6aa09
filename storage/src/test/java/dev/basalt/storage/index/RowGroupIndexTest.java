package dev.basalt.storage.index;

import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.ColumnPredicate;
import dev.basalt.spi.catalog.IndexDefinition;
import dev.basalt.spi.catalog.RowFilter;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.storage.format.Checksums;
import dev.basalt.storage.format.LittleEndian;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class RowGroupIndexTest
{
    private final RootAllocator allocator = new RootAllocator();

    @AfterEach
    void checkMemory()
    {
        assertEquals(0, allocator.getAllocatedMemory());
        allocator.close();
    }

    private static TableSchema schema(DataType... types)
    {
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            columns.add(new Column("c" + i, types[i]));
        }
        return new TableSchema("t", columns);
    }

    private static IndexDefinition index(String... columns)
    {
        return new IndexDefinition("ix", "t", List.of(columns), Optional.empty(), false);
    }

    private byte[] build(IndexDefinition index, TableSchema schema, RowFilter filter, List<Object[]> rows)
    {
        try (ColumnBatch batch = IndexTestData.batch(allocator, schema.columns(), rows, null)) {
            return RowGroupIndexBuilder.build(index, schema, filter, List.of(batch));
        }
    }

    private RowGroupIndex open(IndexDefinition index, TableSchema schema, List<Object[]> rows)
    {
        return RowGroupIndex.open(index, schema, build(index, schema, null, rows), "rg-7.idx");
    }

    private static List<Object[]> column(Object... values)
    {
        List<Object[]> rows = new ArrayList<>();
        for (Object value : values) {
            rows.add(new Object[] {value});
        }
        return rows;
    }

    private static int[] lookup(RowGroupIndex index, ColumnPredicate... predicates)
    {
        int[] positions = new int[index.entryCount()];
        int count = index.lookup(List.of(predicates), positions);
        return Arrays.copyOf(positions, count);
    }

    private static ColumnPredicate.Range eq(int column, Object value)
    {
        return new ColumnPredicate.Range(column, value, true, value, true);
    }

    @Test
    void doublesSortLikePostgres()
    {
        //                                          0      1    2     3    4     5                         6                         7
        RowGroupIndex index = open(index("c0"), schema(DataTypes.DOUBLE), column(Double.NaN, 0.1, -0.0, null, 0.0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, -1.0));
        assertEquals(8, index.entryCount());
        List<Integer> order = new ArrayList<>();
        for (int entry = 0; entry < index.entryCount(); entry++) {
            order.add(index.position(entry));
        }
        // -inf, -1, 0 (the -0.0 row first: ties keep row order), 0, 0.1, inf, NaN, NULL
        assertEquals(List.of(5, 7, 2, 4, 1, 6, 0, 3), order);
        assertEquals(0.0, index.keyValue(2, 0));
        assertArrayEquals(new int[] {2, 4}, lookup(index, eq(0, 0.0)));
        assertArrayEquals(new int[] {2, 4}, lookup(index, eq(0, -0.0)));
        assertArrayEquals(new int[] {0}, lookup(index, eq(0, Double.NaN)));
        assertArrayEquals(new int[] {0, 6}, lookup(index, new ColumnPredicate.Range(0, 1.0, false, null, true)));
        assertArrayEquals(new int[] {1, 2, 4, 5, 6, 7}, lookup(index, new ColumnPredicate.Range(0, null, true, Double.NaN, false)));
        assertArrayEquals(new int[] {3}, lookup(index, new ColumnPredicate.IsNull(0)));
        assertArrayEquals(new int[] {0, 1, 2, 4, 5, 6, 7}, lookup(index, new ColumnPredicate.IsNotNull(0)));
        assertArrayEquals(new int[] {0, 5}, lookup(index, new ColumnPredicate.In(0, List.of(Double.NaN, Double.NEGATIVE_INFINITY, 7.0))));
        assertTrue(index.containsKey(new Object[] {-0.0}));
        assertFalse(index.containsKey(new Object[] {null}));
    }

    @Test
    void boundsOfOtherClassesAreExact()
    {
        RowGroupIndex integers = open(index("c0"), schema(DataTypes.INTEGER), column(1, 2, 3, 4, 5, null));
        assertArrayEquals(new int[] {2, 3, 4}, lookup(integers, new ColumnPredicate.Range(0, 2.5, true, null, false)));
        assertArrayEquals(new int[] {0, 1}, lookup(integers, new ColumnPredicate.Range(0, null, false, new BigDecimal("2.5"), false)));
        assertArrayEquals(new int[] {1, 2}, lookup(integers, new ColumnPredicate.In(0, List.of(2.0, 3L, new BigDecimal("3.5")))));
        assertArrayEquals(new int[] {}, lookup(integers, eq(0, 2.5)));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, lookup(integers, new ColumnPredicate.Range(0, null, true, Double.NaN, true)));
        assertArrayEquals(new int[] {}, lookup(integers, new ColumnPredicate.Range(0, Double.POSITIVE_INFINITY, true, null, true)));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, lookup(integers, new ColumnPredicate.Range(0, -1e300, true, Long.MAX_VALUE, true)));

        RowGroupIndex reals = open(index("c0"), schema(DataTypes.REAL), column(0.1f, 0.5f, -0.0f));
        // (double) 0.1f is 0.100000001490116...: above the DOUBLE 0.1.
        assertArrayEquals(new int[] {2}, lookup(reals, new ColumnPredicate.Range(0, null, true, 0.1, true)));
        assertArrayEquals(new int[] {0, 1}, lookup(reals, new ColumnPredicate.Range(0, 0.1, false, null, true)));
        assertArrayEquals(new int[] {0}, lookup(reals, eq(0, 0.1f)));
        assertArrayEquals(new int[] {}, lookup(reals, eq(0, 0.1)));
        assertArrayEquals(new int[] {1}, lookup(reals, eq(0, 0.5)));
        assertArrayEquals(new int[] {2}, lookup(reals, eq(0, 0)));

        RowGroupIndex dates = open(index("c0"), schema(DataTypes.DATE), column(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 2)));
        assertArrayEquals(new int[] {1}, lookup(dates, new ColumnPredicate.Range(0, LocalDateTime.of(2020, 1, 1, 12, 0), true, null, true)));
        assertArrayEquals(new int[] {0, 1}, lookup(dates, new ColumnPredicate.Range(0, LocalDateTime.of(2020, 1, 1, 0, 0), true, null, true)));
        assertEquals(LocalDate.of(2020, 1, 2), dates.keyValue(1, 0));

        LocalDateTime noon = LocalDateTime.of(2020, 1, 1, 12, 0);
        RowGroupIndex timestamps = open(index("c0"), schema(DataTypes.TIMESTAMP), column(noon, noon.plusNanos(1000), LocalDateTime.of(1960, 5, 5, 1, 2, 3, 999_000)));
        assertArrayEquals(new int[] {1}, lookup(timestamps, new ColumnPredicate.Range(0, noon.plusNanos(1), true, null, true)));
        assertArrayEquals(new int[] {0, 2}, lookup(timestamps, new ColumnPredicate.Range(0, null, true, noon.plusNanos(999), true)));
        assertArrayEquals(new int[] {0}, lookup(timestamps, eq(0, LocalDate.of(2020, 1, 1).atTime(12, 0))));
        assertEquals(LocalDateTime.of(1960, 5, 5, 1, 2, 3, 999_000), timestamps.keyValue(0, 0));

        RowGroupIndex decimals = open(index("c0"), schema(DecimalType.of(15, 2)), column(new BigDecimal("1.00"), new BigDecimal("1.01"), new BigDecimal("-1.00")));
        assertArrayEquals(new int[] {1}, lookup(decimals, new ColumnPredicate.Range(0, new BigDecimal("1.005"), true, null, true)));
        assertArrayEquals(new int[] {0}, lookup(decimals, eq(0, 1L)));
        assertArrayEquals(new int[] {2}, lookup(decimals, eq(0, new BigDecimal("-1"))));

        BigDecimal huge = new BigDecimal("9999999999999999999999999999.0000000001");
        RowGroupIndex wide = open(index("c0"), schema(DecimalType.of(38, 10)), column(huge, huge.negate(), new BigDecimal("1.0000000000")));
        assertArrayEquals(new int[] {2}, lookup(wide, eq(0, 1)));
        assertArrayEquals(new int[] {0}, lookup(wide, new ColumnPredicate.Range(0, new BigDecimal("1E+27"), false, null, true)));
        assertArrayEquals(new int[] {1, 2}, lookup(wide, new ColumnPredicate.Range(0, null, true, new BigDecimal("1.00000000001"), true)));
        assertEquals(huge.negate(), wide.keyValue(0, 0));
    }

    @Test
    void stringsSortByCodePoint()
    {
        String emoji = "\uD83D\uDE00";
        RowGroupIndex index = open(index("c0"), schema(DataTypes.VARCHAR), column(emoji, "b", "\uFFFD", "a", "é", null, "", "ab"));
        List<Object> keys = new ArrayList<>();
        for (int entry = 0; entry < index.entryCount(); entry++) {
            keys.add(index.keyValue(entry, 0));
        }
        // U+1F600 sorts after U+FFFD in code point (UTF-8) order although its UTF-16 surrogates sort before.
        assertEquals(Arrays.asList("", "a", "ab", "b", "é", "\uFFFD", emoji, null), keys);
        assertArrayEquals(new int[] {0}, lookup(index, new ColumnPredicate.Range(0, "\uFFFD", false, null, true)));
        assertArrayEquals(new int[] {3, 7}, lookup(index, new ColumnPredicate.StartsWith(0, "a")));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 6, 7}, lookup(index, new ColumnPredicate.StartsWith(0, "")));
        assertArrayEquals(new int[] {6}, lookup(index, eq(0, "")));
        assertArrayEquals(new int[] {1, 3, 7}, lookup(index, new ColumnPredicate.Range(0, "a", true, "b", true)));
        assertArrayEquals(new int[] {3, 7}, lookup(index, new ColumnPredicate.Range(0, "", false, "b", false)));
        assertTrue(index.containsKey(new Object[] {emoji}));
        assertFalse(index.containsKey(new Object[] {"c"}));
    }

    @Test
    void multiColumnKeys()
    {
        TableSchema schema = schema(DataTypes.INTEGER, DataTypes.VARCHAR, DataTypes.BOOLEAN);
        List<Object[]> rows = List.of(
                new Object[] {1, "x", true},    // 0
                new Object[] {1, "y", true},    // 1
                new Object[] {2, "x", false},   // 2
                new Object[] {null, "x", true}, // 3
                new Object[] {1, null, true},   // 4
                new Object[] {2, "a", true},    // 5
                new Object[] {1, "x", true},    // 6
                new Object[] {null, null, true}); // 7
        IndexDefinition definition = new IndexDefinition("ix", "t", List.of("c1", "c0"), Optional.of("c2"), true);
        RowGroupIndex index = RowGroupIndex.open(definition, schema, build(definition, schema, IndexTestData.booleanFilter(2), rows), "f");
        assertEquals(7, index.entryCount());
        // No key predicate: every covered row (a scan of the partial index).
        assertArrayEquals(new int[] {0, 1, 3, 4, 5, 6, 7}, lookup(index));
        assertArrayEquals(new int[] {0, 6}, lookup(index, eq(1, "x"), eq(0, 1)));
        assertArrayEquals(new int[] {0, 3, 6}, lookup(index, eq(1, "x")));
        assertArrayEquals(new int[] {3}, lookup(index, eq(1, "x"), new ColumnPredicate.IsNull(0)));
        assertArrayEquals(new int[] {4}, lookup(index, new ColumnPredicate.IsNull(1), new ColumnPredicate.IsNotNull(0)));
        assertArrayEquals(new int[] {0, 1, 4, 6}, lookup(index, eq(0, 1)));
        assertArrayEquals(new int[] {1, 5}, lookup(index, new ColumnPredicate.In(1, List.of("y", "a")), new ColumnPredicate.Range(0, 1, true, 2, true)));
        assertArrayEquals(new int[] {}, lookup(index, eq(1, "x"), eq(0, 2)));
        assertArrayEquals(new int[] {}, lookup(index, new ColumnPredicate.In(1, List.of())));
        assertTrue(index.containsKey(new Object[] {"x", 1}));
        assertFalse(index.containsKey(new Object[] {"x", 2}));
        assertFalse(index.containsKey(new Object[] {"x", null}));
        assertEquals("(c1, c0)=(x, 1)", index.describeKey(index.findKey(new Object[] {"x", 1})));
    }

    @Test
    void emptyAndNullTypeIndexes()
    {
        RowGroupIndex empty = open(index("c0"), schema(DataTypes.BIGINT), List.of());
        assertEquals(0, empty.rowCount());
        assertEquals(0, empty.entryCount());
        assertArrayEquals(new int[] {}, lookup(empty, eq(0, 1L)));

        TableSchema schema = schema(DataTypes.BIGINT, DataTypes.BOOLEAN);
        IndexDefinition partial = new IndexDefinition("ix", "t", List.of("c0"), Optional.of("c1"), false);
        byte[] data = build(partial, schema, IndexTestData.booleanFilter(1), List.of(new Object[] {1L, false}, new Object[] {2L, null}));
        RowGroupIndex none = RowGroupIndex.open(partial, schema, data, "f");
        assertEquals(2, none.rowCount());
        assertEquals(0, none.entryCount());

        RowGroupIndex nulls = open(index("c0"), schema(DataTypes.NULL), column(null, null, null));
        assertEquals(3, nulls.entryCount());
        assertArrayEquals(new int[] {0, 1, 2}, lookup(nulls, new ColumnPredicate.IsNull(0)));
        assertArrayEquals(new int[] {}, lookup(nulls, new ColumnPredicate.IsNotNull(0)));
    }

    @Test
    void badDefinitionsAndPredicates()
    {
        BasaltException missing = assertThrows(BasaltException.class, () -> new RowGroupIndexBuilder(index("nope"), schema(DataTypes.INTEGER), null));
        assertEquals(ErrorCode.UNDEFINED_COLUMN, missing.code());
        BasaltException interval = assertThrows(BasaltException.class, () -> new RowGroupIndexBuilder(index("c0"), schema(DataTypes.INTERVAL), null));
        assertEquals(ErrorCode.FEATURE_NOT_SUPPORTED, interval.code());

        RowGroupIndex index = open(index("c1"), schema(DataTypes.INTEGER, DataTypes.INTEGER), List.<Object[]>of(new Object[] {1, 2}));
        assertEquals(ErrorCode.INTERNAL_ERROR, assertThrows(BasaltException.class, () -> lookup(index, eq(0, 1))).code());
        assertEquals(ErrorCode.INTERNAL_ERROR, assertThrows(BasaltException.class, () -> lookup(index, eq(1, "1"))).code());
        assertEquals(ErrorCode.INTERNAL_ERROR, assertThrows(BasaltException.class, () -> lookup(index, new ColumnPredicate.StartsWith(1, "1"))).code());
    }

    @Test
    void keysAndPositionsArePackedCompactly()
    {
        Random random = new Random(1);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 122_880; i++) {
            rows.add(new Object[] {1_000_000_000L + random.nextInt(1000)});
        }
        byte[] data = build(index("c0"), schema(DataTypes.BIGINT), null, rows);
        // 10 bits of key + 17 bits of position per entry, plus a few header bytes.
        assertTrue(data.length < 122_880 * 27 / 8 + 100, "index of 122,880 BIGINT keys takes " + data.length + " bytes");
        RowGroupIndex index = RowGroupIndex.open(index("c0"), schema(DataTypes.BIGINT), data, "f");
        long key = (Long) rows.get(777)[0];
        int[] positions = lookup(index, eq(0, key));
        int expected = 0;
        for (int i = 0; i < rows.size(); i++) {
            if ((Long) rows.get(i)[0] == key) {
                assertEquals(i, positions[expected++]);
            }
        }
        assertEquals(expected, positions.length);
        assertEquals(rows.size(), lookup(index, new ColumnPredicate.IsNotNull(0)).length);
    }

    private byte[] sample(TableSchema schema)
    {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            rows.add(new Object[] {i % 7 == 0 ? null : (long) (i * 37 % 11), i % 5 == 0 ? null : "s" + (i % 9), i % 3 != 0});
        }
        IndexDefinition definition = new IndexDefinition("ix", "t", List.of("c0", "c1"), Optional.of("c2"), false);
        return build(definition, schema, IndexTestData.booleanFilter(2), rows);
    }

    private static final IndexDefinition SAMPLE = new IndexDefinition("ix", "t", List.of("c0", "c1"), Optional.of("c2"), false);

    @Test
    void everyFlippedByteAndTruncationIsDetected()
    {
        TableSchema schema = schema(DataTypes.BIGINT, DataTypes.VARCHAR, DataTypes.BOOLEAN);
        byte[] data = sample(schema);
        RowGroupIndex.open(SAMPLE, schema, data, "tables/3/rg-7.idx");
        for (int i = 0; i < data.length; i++) {
            byte[] damaged = data.clone();
            damaged[i] ^= (byte) (1 << (i % 8));
            assertCorrupted(schema, damaged);
        }
        for (int length = 0; length < data.length; length += 3) {
            assertCorrupted(schema, Arrays.copyOf(data, length));
        }
        // The index data of another index (other key types) is refused too.
        TableSchema retyped = schema(DataTypes.VARCHAR, DataTypes.VARCHAR, DataTypes.BOOLEAN);
        assertCorrupted(retyped, data);
    }

    private static void assertCorrupted(TableSchema schema, byte[] data)
    {
        BasaltException e = assertThrows(BasaltException.class, () -> RowGroupIndex.open(SAMPLE, schema, data, "tables/3/rg-7.idx"));
        assertEquals(ErrorCode.DATA_CORRUPTED, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("`tables/3/rg-7.idx`") && e.getMessage().contains("\"ix\""), e.getMessage());
    }

    @Test
    void indexDataOfAnotherKeyTypeIsRefused()
    {
        TableSchema dates = schema(DataTypes.DATE);
        byte[] data = build(index("c0"), dates, null, column(LocalDate.of(2020, 1, 1)));
        BasaltException e = assertThrows(BasaltException.class, () -> RowGroupIndex.open(index("c0"), schema(DataTypes.TIMESTAMP), data, "f"));
        assertEquals(ErrorCode.DATA_CORRUPTED, e.code());
        byte[] decimal = build(index("c0"), schema(DecimalType.of(10, 2)), null, column(new BigDecimal("1.50")));
        assertThrows(BasaltException.class, () -> RowGroupIndex.open(index("c0"), schema(DecimalType.of(10, 3)), decimal, "f"));
        // Widening keeps the meaning of the stored keys.
        assertEquals(new BigDecimal("1.50"), RowGroupIndex.open(index("c0"), schema(DecimalType.of(18, 2)), decimal, "f").keyValue(0, 0));
        byte[] small = build(index("c0"), schema(DataTypes.SMALLINT), null, column((short) 7));
        assertEquals(7L, RowGroupIndex.open(index("c0"), schema(DataTypes.BIGINT), small, "f").keyValue(0, 0));
        byte[] text = build(index("c0"), schema(dev.basalt.spi.type.VarcharType.varchar(3)), null, column("abc"));
        assertEquals("abc", RowGroupIndex.open(index("c0"), schema(DataTypes.VARCHAR), text, "f").keyValue(0, 0));
    }

    @Test
    void newerFormatIsRefused()
    {
        TableSchema schema = schema(DataTypes.BIGINT, DataTypes.VARCHAR, DataTypes.BOOLEAN);
        byte[] data = sample(schema);
        LittleEndian.putShort(data, 4, (short) 2);
        LittleEndian.putInt(data, data.length - 4, Checksums.crc32c(data, 0, data.length - 4));
        BasaltException e = assertThrows(BasaltException.class, () -> RowGroupIndex.open(SAMPLE, schema, data, "f"));
        assertEquals(ErrorCode.FEATURE_NOT_SUPPORTED, e.code());
    }

    /** Damage that a valid checksum does not catch (a bug, not the disk) still never escapes as a raw exception. */
    @Test
    void structuralDamageWithValidChecksumFailsCleanly()
    {
        TableSchema schema = schema(DataTypes.BIGINT, DataTypes.VARCHAR, DataTypes.BOOLEAN);
        byte[] data = sample(schema);
        Random random = new Random(7);
        int opened = 0;
        for (int round = 0; round < 3000; round++) {
            byte[] damaged = data.clone();
            int changes = 1 + random.nextInt(3);
            for (int c = 0; c < changes; c++) {
                // Mostly the header and offsets, where lengths and counts live.
                int at = random.nextInt(4) == 0 ? random.nextInt(damaged.length - 4) : random.nextInt(Math.min(80, damaged.length - 4));
                damaged[at] = (byte) random.nextInt(256);
            }
            LittleEndian.putInt(damaged, damaged.length - 4, Checksums.crc32c(damaged, 0, damaged.length - 4));
            RowGroupIndex index;
            try {
                index = RowGroupIndex.open(SAMPLE, schema, damaged, "f");
            }
            catch (BasaltException e) {
                assertTrue(e.code() == ErrorCode.DATA_CORRUPTED || e.code() == ErrorCode.FEATURE_NOT_SUPPORTED, e.getMessage());
                continue;
            }
            catch (RuntimeException e) {
                fail("round " + round + ": " + e, e);
                return;
            }
            opened++;
            // Positions and string offsets are checked when read: damage there is DATA_CORRUPTED, never a raw exception.
            try {
                int[] positions = new int[index.entryCount()];
                index.lookup(List.of(new ColumnPredicate.Range(0, 3L, true, 8L, false)), positions);
                index.lookup(List.of(new ColumnPredicate.StartsWith(1, "s"), new ColumnPredicate.IsNotNull(0)), positions);
                for (int entry = 0; entry < index.entryCount(); entry++) {
                    assertTrue(index.position(entry) < index.rowCount());
                    index.key(entry);
                    index.describeKey(entry);
                }
            }
            catch (BasaltException e) {
                assertEquals(ErrorCode.DATA_CORRUPTED, e.code(), e.getMessage());
            }
            catch (RuntimeException e) {
                fail("round " + round + ": " + e, e);
            }
        }
        assertTrue(opened > 0, "some damage (of key bytes) keeps the structure valid");
    }
}
