package dev.basalt.storage.codec;

import dev.basalt.spi.batch.CloseableIterator;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.ColumnPredicate;
import dev.basalt.spi.catalog.ScanSpec;
import dev.basalt.spi.catalog.Table;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.storage.MemoryCatalog;
import dev.basalt.storage.StorageOptions;
import dev.basalt.storage.TestTables;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A scan with string predicates on dictionary chunks hands the engine only rows whose code matches. */
class DictionaryScanTest
{
    @Test
    void scanSelectsRowsByCode()
    {
        try (RootAllocator allocator = new RootAllocator();
                MemoryCatalog catalog = new MemoryCatalog(StorageOptions.memoryDefaults().withRowGroupSize(1000))) {
            Table table = catalog.createTable(new TableSchema("t", List.of(new Column("id", DataTypes.BIGINT), new Column("mode", DataTypes.VARCHAR))));
            List<List<Object>> rows = new ArrayList<>();
            for (long i = 0; i < 5000; i++) {
                rows.add(TestTables.row(i, i % 11 == 0 ? null : "mode" + (i % 5)));
            }
            TestTables.insert(table, allocator, rows, 700);

            long[] counts = scan(table, allocator, new ColumnPredicate.StartsWith(1, "mode3"));
            assertEquals(5000, counts[0]);
            long expected = rows.stream().filter(row -> "mode3".equals(row.get(1))).count();
            long nulls = rows.stream().filter(row -> row.get(1) == null).count();
            // Every non-null live row matches; NULL rows may or may not be dropped (they never match).
            assertEquals(expected, counts[2]);
            assertTrue(counts[1] - counts[2] <= nulls);

            counts = scan(table, allocator, new ColumnPredicate.In(1, List.of("mode1", "nothing")));
            assertEquals(rows.stream().filter(row -> "mode1".equals(row.get(1))).count(), counts[2]);
            assertTrue(counts[1] - counts[2] <= nulls);

            // No string of any group matches: every group is read, none returns a row.
            counts = scan(table, allocator, new ColumnPredicate.Range(1, "mode9", true, "zzz", false));
            assertEquals(0, counts[0]);
            assertEquals(0, counts[1]);

            // A bound that is not a string cannot be decided on codes: nothing is dropped.
            counts = scan(table, allocator, new ColumnPredicate.In(1, List.of(3L)));
            assertEquals(5000, counts[1]);
            assertEquals(0, allocator.getAllocatedMemory());
        }
    }

    /** Physical rows, live rows, and live rows with a non-null mode. */
    private static long[] scan(Table table, RootAllocator allocator, ColumnPredicate predicate)
    {
        long physical = 0;
        long live = 0;
        long matching = 0;
        try (CloseableIterator<ColumnBatch> scan = table.scan(new ScanSpec(List.of(0, 1), List.of(predicate)), allocator)) {
            while (scan.hasNext()) {
                try (ColumnBatch batch = scan.next()) {
                    physical += batch.physicalRowCount();
                    live += batch.rowCount();
                    for (int row = 0; row < batch.rowCount(); row++) {
                        int position = batch.position(row);
                        assertTrue(position >= 0 && position < batch.physicalRowCount());
                        if (!batch.column(1).isNull(position)) {
                            matching++;
                        }
                    }
                }
            }
        }
        return new long[] {physical, live, matching};
    }
}
