package dev.basalt.storage.index;

import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.ColumnPredicate;
import dev.basalt.spi.catalog.IndexDefinition;
import dev.basalt.spi.catalog.RowFilter;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.storage.column.ColumnBuffer;
import dev.basalt.storage.column.PhysicalKind;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.apache.arrow.memory.RootAllocator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * For random data with NULLs, random partial-index selections, every way the writer feeds rows (split batches with
 * selections, whole physical batches, merged builders) and random key predicates, a lookup returns exactly the
 * positions a brute-force scan finds, and the index holds exactly the covered rows in key order.
 */
class RowGroupIndexPropertyTest
{
    private enum Mode { SPLIT_APPENDS, PHYSICAL, MERGED, BUFFERS }

    @Property(tries = 200)
    void lookupMatchesBruteForce(@ForAll long seed)
    {
        Random random = new Random(seed);
        // Table: a BOOLEAN "p" (the index predicate), 1-3 key columns, an unrelated INTEGER, in random order.
        int keyCount = 1 + random.nextInt(3);
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("p", DataTypes.BOOLEAN));
        columns.add(new Column("x", DataTypes.INTEGER));
        List<String> keyNames = new ArrayList<>();
        for (int k = 0; k < keyCount; k++) {
            DataType type = IndexTestData.KEY_TYPES.get(random.nextInt(IndexTestData.KEY_TYPES.size()));
            columns.add(new Column("k" + k, type));
            keyNames.add("k" + k);
        }
        Collections.shuffle(columns, random);
        TableSchema schema = new TableSchema("t", columns);
        int filterColumn = schema.indexOf("p").getAsInt();
        int[] keyOrdinals = new int[keyCount];
        List<DataType> keyTypes = new ArrayList<>();
        for (int k = 0; k < keyCount; k++) {
            keyOrdinals[k] = schema.indexOf(keyNames.get(k)).getAsInt();
            keyTypes.add(schema.column(keyOrdinals[k]).type());
        }
        boolean partial = random.nextInt(10) < 7;
        IndexDefinition index = new IndexDefinition("ix", "t", keyNames, partial ? Optional.of("p") : Optional.empty(), false);
        RowFilter filter = partial ? IndexTestData.booleanFilter(filterColumn) : null;

        int rowCount = random.nextInt(8) == 0 ? random.nextInt(3) : random.nextInt(400);
        double[] nullRate = new double[columns.size()];
        for (int c = 0; c < nullRate.length; c++) {
            nullRate[c] = new double[] {0, 0.1, 0.5}[random.nextInt(3)];
        }
        List<Object[]> rows = new ArrayList<>();
        boolean[] live = new boolean[rowCount];
        boolean anyDead = random.nextBoolean();
        for (int r = 0; r < rowCount; r++) {
            Object[] row = new Object[columns.size()];
            for (int c = 0; c < row.length; c++) {
                row[c] = random.nextDouble() < nullRate[c] ? null : IndexTestData.value(columns.get(c).type(), random);
            }
            rows.add(row);
            live[r] = !anyDead || random.nextInt(5) != 0;
        }
        Mode mode = Mode.values()[random.nextInt(Mode.values().length)];
        if (mode == Mode.BUFFERS && partial) {
            mode = Mode.SPLIT_APPENDS;
        }

        try (RootAllocator allocator = new RootAllocator()) {
            byte[] data = build(mode, index, schema, filter, columns, rows, live, random, allocator);
            assertEquals(0, allocator.getAllocatedMemory());

            // Row-group positions: the live rows in order, or every physical row for PHYSICAL.
            List<Integer> physicalOfPosition = new ArrayList<>();
            for (int r = 0; r < rowCount; r++) {
                if (mode == Mode.PHYSICAL || live[r]) {
                    physicalOfPosition.add(r);
                }
            }
            boolean[] covered = new boolean[physicalOfPosition.size()];
            int coveredCount = 0;
            for (int position = 0; position < covered.length; position++) {
                int r = physicalOfPosition.get(position);
                covered[position] = live[r] && (!partial || Boolean.TRUE.equals(rows.get(r)[filterColumn]));
                coveredCount += covered[position] ? 1 : 0;
            }

            RowGroupIndex rowGroupIndex = RowGroupIndex.open(index, schema, data, "rg-1.idx");
            assertEquals(covered.length, rowGroupIndex.rowCount());
            assertEquals(coveredCount, rowGroupIndex.entryCount());
            boolean[] seen = new boolean[covered.length];
            for (int entry = 0; entry < rowGroupIndex.entryCount(); entry++) {
                int position = rowGroupIndex.position(entry);
                assertTrue(covered[position] && !seen[position], "entry " + entry + " at position " + position);
                seen[position] = true;
                Object[] row = rows.get(physicalOfPosition.get(position));
                Object[] key = rowGroupIndex.key(entry);
                for (int k = 0; k < keyCount; k++) {
                    Object expected = row[keyOrdinals[k]];
                    assertTrue(expected == null ? key[k] == null : key[k] != null && IndexTestData.compare(keyTypes.get(k), expected, key[k]) == 0,
                            "key column " + k + " of entry " + entry + ": " + key[k] + " != " + expected);
                }
                if (entry > 0) {
                    assertTrue(rowGroupIndex.compareKeys(entry - 1, rowGroupIndex, entry) <= 0, "entries out of order at " + entry);
                }
            }

            int[] positions = new int[rowGroupIndex.entryCount()];
            for (int query = 0; query < 12; query++) {
                List<ColumnPredicate> predicates = predicates(random, schema, keyOrdinals, rows);
                List<Integer> expected = new ArrayList<>();
                for (int position = 0; position < covered.length; position++) {
                    if (covered[position] && matchesAll(schema, rows.get(physicalOfPosition.get(position)), predicates)) {
                        expected.add(position);
                    }
                }
                int count = rowGroupIndex.lookup(predicates, positions);
                assertArrayEquals(expected.stream().mapToInt(Integer::intValue).toArray(), Arrays.copyOf(positions, count),
                        "predicates " + predicates + " (" + mode + ", seed " + seed + ")");
            }

            for (int probe = 0; probe < 5; probe++) {
                Object[] key = new Object[keyCount];
                Object[] source = rows.isEmpty() || random.nextBoolean() ? null : rows.get(random.nextInt(rows.size()));
                for (int k = 0; k < keyCount; k++) {
                    key[k] = source != null ? source[keyOrdinals[k]] : IndexTestData.value(keyTypes.get(k), random);
                }
                boolean expected = false;
                for (int position = 0; position < covered.length; position++) {
                    Object[] row = rows.get(physicalOfPosition.get(position));
                    Object[] rowKey = new Object[keyCount];
                    for (int k = 0; k < keyCount; k++) {
                        rowKey[k] = row[keyOrdinals[k]];
                    }
                    expected |= covered[position] && IndexTestData.sameKey(keyTypes, key, rowKey);
                }
                assertEquals(expected, rowGroupIndex.containsKey(key), "containsKey " + Arrays.toString(key));
            }
        }
    }

    private static byte[] build(Mode mode, IndexDefinition index, TableSchema schema, RowFilter filter, List<Column> columns,
            List<Object[]> rows, boolean[] live, Random random, RootAllocator allocator)
    {
        RowGroupIndexBuilder builder = new RowGroupIndexBuilder(index, schema, filter);
        if (mode == Mode.BUFFERS) {
            // What the writer holds: the live rows of every column on the heap.
            ColumnBuffer[] buffers = new ColumnBuffer[columns.size()];
            for (int c = 0; c < buffers.length; c++) {
                buffers[c] = new ColumnBuffer(PhysicalKind.of(columns.get(c).type()), 8);
            }
            try (ColumnBatch batch = IndexTestData.batch(allocator, columns, rows, live)) {
                for (int c = 0; c < buffers.length; c++) {
                    buffers[c].append(batch.column(c), batch.selection(), 0, batch.rowCount());
                }
            }
            builder.appendBuffers(buffers);
            return builder.finish();
        }
        RowGroupIndexBuilder second = mode == Mode.MERGED ? new RowGroupIndexBuilder(index, schema, filter) : null;
        int split = mode == Mode.MERGED ? random.nextInt(rows.size() + 1) : -1;
        int start = 0;
        while (start < rows.size()) {
            int end = Math.min(rows.size(), start + 1 + random.nextInt(120));
            if (split > start && split < end) {
                end = split;
            }
            List<Object[]> chunk = rows.subList(start, end);
            boolean[] chunkLive = Arrays.copyOfRange(live, start, end);
            boolean allLive = true;
            for (boolean value : chunkLive) {
                allLive &= value;
            }
            RowGroupIndexBuilder target = second != null && start >= split ? second : builder;
            try (ColumnBatch batch = IndexTestData.batch(allocator, columns, chunk, allLive && random.nextBoolean() ? null : chunkLive)) {
                if (mode == Mode.PHYSICAL) {
                    target.appendPhysical(batch);
                }
                else {
                    // The writer hands a batch over in pieces when it fills a row group.
                    int from = 0;
                    while (from < batch.rowCount()) {
                        int count = Math.min(batch.rowCount() - from, random.nextInt(3) == 0 ? batch.rowCount() : 1 + random.nextInt(40));
                        target.append(batch, from, count);
                        from += count;
                    }
                }
            }
            start = end;
        }
        if (second != null) {
            RowGroupIndexBuilder merged = new RowGroupIndexBuilder(index, schema, filter);
            merged.appendAll(builder);
            merged.appendAll(second);
            return merged.finish();
        }
        return builder.finish();
    }

    private static boolean matchesAll(TableSchema schema, Object[] row, List<ColumnPredicate> predicates)
    {
        for (ColumnPredicate predicate : predicates) {
            if (!IndexTestData.matches(schema.column(predicate.column()).type(), row[predicate.column()], predicate)) {
                return false;
            }
        }
        return true;
    }

    private static List<ColumnPredicate> predicates(Random random, TableSchema schema, int[] keyOrdinals, List<Object[]> rows)
    {
        List<ColumnPredicate> predicates = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            // Favour the first key column, which is the one binary-searched.
            int ordinal = keyOrdinals[random.nextInt(3) == 0 ? random.nextInt(keyOrdinals.length) : Math.min(i, keyOrdinals.length - 1)];
            DataType type = schema.column(ordinal).type();
            int kind = type == DataTypes.NULL ? random.nextInt(2) : random.nextInt(10);
            switch (kind) {
                case 0 -> predicates.add(new ColumnPredicate.IsNull(ordinal));
                case 1 -> predicates.add(new ColumnPredicate.IsNotNull(ordinal));
                case 2, 3, 4 -> {
                    Object value = bound(random, type, ordinal, rows);
                    predicates.add(new ColumnPredicate.Range(ordinal, value, true, value, true));
                }
                case 5, 6 -> predicates.add(new ColumnPredicate.Range(ordinal,
                        random.nextInt(4) == 0 ? null : bound(random, type, ordinal, rows), random.nextBoolean(),
                        random.nextInt(4) == 0 ? null : bound(random, type, ordinal, rows), random.nextBoolean()));
                case 7, 8 -> {
                    List<Object> values = new ArrayList<>();
                    int size = random.nextInt(5);
                    for (int v = 0; v < size; v++) {
                        values.add(bound(random, type, ordinal, rows));
                    }
                    predicates.add(new ColumnPredicate.In(ordinal, values));
                }
                default -> {
                    if (type == DataTypes.VARCHAR) {
                        String value = (String) bound(random, type, ordinal, rows);
                        int length = value.isEmpty() ? 0 : value.offsetByCodePoints(0, random.nextInt(value.codePointCount(0, value.length()) + 1));
                        predicates.add(new ColumnPredicate.StartsWith(ordinal, value.substring(0, length)));
                    }
                    else {
                        predicates.add(new ColumnPredicate.IsNotNull(ordinal));
                    }
                }
            }
        }
        return predicates;
    }

    /** A value from the data half of the time (so bounds hit existing keys), else a random one. */
    private static Object bound(Random random, DataType type, int ordinal, List<Object[]> rows)
    {
        if (!rows.isEmpty() && random.nextBoolean()) {
            Object value = rows.get(random.nextInt(rows.size()))[ordinal];
            if (value != null) {
                return value;
            }
        }
        return IndexTestData.value(type, random);
    }
}
