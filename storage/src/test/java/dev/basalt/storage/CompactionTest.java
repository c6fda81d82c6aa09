package dev.basalt.storage;

import dev.basalt.spi.batch.CloseableIterator;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.ScanSpec;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.storage.manifest.FileNames;
import dev.basalt.storage.manifest.RowGroupEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.basalt.storage.TransactionTest.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompactionTest
        extends AllocatorTest
{
    private static final List<Column> COLUMNS = List.of(new Column("id", DataTypes.BIGINT), new Column("name", DataTypes.VARCHAR));

    @TempDir
    Path directory;

    @Test
    void compactionKeepsAnswersMergesAndWaitsForOpenScans()
            throws IOException
    {
        StorageOptions options = StorageOptions.defaults().withRowGroupSize(100).withFsync(false);
        try (DirectoryCatalog catalog = DirectoryCatalog.open(directory, options)) {
            StorageTable table = (StorageTable) catalog.createTable(new TableSchema("t", COLUMNS));
            for (int i = 0; i < 10; i++) {
                TestTables.insert(table, allocator, rows(i * 100, i * 100 + 100));
            }
            assertEquals(10, table.rowGroupCount());
            TestTables.deleteWhere(table, allocator, row -> (Long) row.getFirst() % 10 != 0 && (Long) row.getFirst() >= 300);
            List<List<Object>> expected = TestTables.readAll(table, allocator);
            assertEquals(300 + 70, expected.size());
            List<RowGroupEntry> before = catalog.entry(table.id(), "t").rowGroups();
            long version = catalog.version();
            try (CloseableIterator<ColumnBatch> open = table.scan(ScanSpec.allColumns(table.schema()), allocator)) {
                catalog.compact(Optional.of("t"));
                assertEquals(version + 1, catalog.version());
                // 3 full groups untouched, 7 groups of 10 live rows merged into one.
                assertEquals(4, table.rowGroupCount());
                assertEquals(expected, TestTables.readAll(table, allocator));
                assertEquals(expected.size(), table.statistics().rowCount());
                for (RowGroupEntry rowGroup : catalog.entry(table.id(), "t").rowGroups()) {
                    assertEquals(0, rowGroup.deletedCount());
                }
                Path retired = directory.resolve("tables/" + table.id() + "/" + FileNames.rowGroup(before.getLast().fileId()));
                assertTrue(Files.exists(retired), "an open scan pins the old files");
                int count = 0;
                while (open.hasNext()) {
                    try (ColumnBatch batch = open.next()) {
                        count += batch.rowCount();
                    }
                }
                assertEquals(expected.size(), count);
                assertFalse(Files.exists(retired), "deleted once the last scan is done");
            }
            assertEquals(before.subList(0, 3), catalog.entry(table.id(), "t").rowGroups().subList(0, 3), "full groups are not rewritten");
            // Nothing left to do: no new version.
            long after = catalog.version();
            catalog.compact(Optional.empty());
            assertEquals(after, catalog.version());
            TransactionTest.assertNoOrphans(catalog, directory);
        }
        try (DirectoryCatalog catalog = DirectoryCatalog.open(directory, options)) {
            List<List<Object>> rows = TestTables.readAll(catalog.getTable("t").orElseThrow(), allocator);
            List<List<Object>> expected = new ArrayList<>();
            for (List<Object> row : rows(0, 1000)) {
                long id = (Long) row.getFirst();
                if (id < 300 || id % 10 == 0) {
                    expected.add(row);
                }
            }
            assertEquals(expected, rows);
        }
    }
}
