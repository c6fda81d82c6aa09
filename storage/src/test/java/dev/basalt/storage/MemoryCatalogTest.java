package dev.basalt.storage;

import dev.basalt.spi.batch.CloseableIterator;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.ColumnPredicate;
import dev.basalt.spi.catalog.ScanSpec;
import dev.basalt.spi.catalog.Table;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.catalog.TableWriter;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.storage.format.ChunkHeader;
import dev.basalt.storage.format.RowGroupFile;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.basalt.storage.TestTables.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemoryCatalogTest
{
    private RootAllocator allocator;

    @BeforeEach
    void setUp()
    {
        allocator = new RootAllocator();
    }

    @AfterEach
    void tearDown()
    {
        assertEquals(0, allocator.getAllocatedMemory());
        allocator.close();
    }

    private static List<List<Object>> rows(int count)
    {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(row((long) i, "name" + (i % 17)));
        }
        return rows;
    }

    @Test
    void roundTripInBatchesOfAtMost4096()
    {
        try (MemoryCatalog catalog = new MemoryCatalog(StorageOptions.memoryDefaults().withRowGroupSize(10_000))) {
            Table table = catalog.createTable(new TableSchema("t", List.of(new Column("id", DataTypes.BIGINT), new Column("name", DataTypes.VARCHAR))));
            List<List<Object>> rows = rows(25_000);
            assertEquals(25_000, TestTables.insert(table, allocator, rows, 3000));
            List<Integer> sizes = new ArrayList<>();
            try (CloseableIterator<ColumnBatch> scan = table.scan(ScanSpec.allColumns(table.schema()), allocator)) {
                while (scan.hasNext()) {
                    try (ColumnBatch batch = scan.next()) {
                        sizes.add(batch.rowCount());
                        assertEquals(2, batch.columnCount());
                    }
                }
            }
            // Batches never span row groups (10,000 = 4096 + 4096 + 1808).
            assertEquals(List.of(4096, 4096, 1808, 4096, 4096, 1808, 4096, 904), sizes);
            assertEquals(rows, TestTables.readAll(table, allocator));
            assertEquals(25_000, table.statistics().rowCount());
        }
    }

    @Test
    void corruptedImageIsDetected()
    {
        try (MemoryCatalog catalog = new MemoryCatalog(StorageOptions.memoryDefaults().withRowGroupSize(100))) {
            StorageTable table = (StorageTable) catalog.createTable(new TableSchema("t", List.of(new Column("id", DataTypes.BIGINT), new Column("name", DataTypes.VARCHAR))));
            TestTables.insert(table, allocator, rows(250));
            long firstFile = catalog.entry(table.id(), "t").rowGroups().getFirst().fileId();
            byte[] image = catalog.image(table.id(), firstFile);
            assertNotNull(image);
            image[RowGroupFile.HEADER_SIZE + ChunkHeader.SIZE] ^= 1;
            BasaltException error = assertThrows(BasaltException.class, () -> TestTables.readAll(table, allocator));
            assertEquals(ErrorCode.DATA_CORRUPTED, error.code());
            assertTrue(error.getMessage().contains("memory:tables/" + table.id() + "/rg-" + firstFile + ".bsc"), error.getMessage());
            assertTrue(error.getMessage().contains("\"t\""), error.getMessage());
            // A predicate that skips the damaged row group still works.
            ScanSpec spec = new ScanSpec(List.of(0), List.of(new ColumnPredicate.Range(0, 100L, true, null, false)));
            assertEquals(150, TestTables.read(table, spec, allocator).size());
        }
    }

    @Test
    void droppedTableStaysReadableForOpenScans()
    {
        try (MemoryCatalog catalog = new MemoryCatalog(StorageOptions.memoryDefaults().withRowGroupSize(100))) {
            StorageTable table = (StorageTable) catalog.createTable(new TableSchema("t", List.of(new Column("id", DataTypes.BIGINT), new Column("name", DataTypes.VARCHAR))));
            TestTables.insert(table, allocator, rows(250));
            long firstFile = catalog.entry(table.id(), "t").rowGroups().getFirst().fileId();
            int count = 0;
            try (CloseableIterator<ColumnBatch> scan = table.scan(ScanSpec.allColumns(table.schema()), allocator)) {
                catalog.dropTable("t");
                assertEquals(ErrorCode.UNDEFINED_TABLE, assertThrows(BasaltException.class, table::statistics).code());
                while (scan.hasNext()) {
                    assertNotNull(catalog.image(table.id(), firstFile), "files stay while a scan may read them");
                    try (ColumnBatch batch = scan.next()) {
                        count += batch.rowCount();
                    }
                }
            }
            assertEquals(250, count);
            assertNull(catalog.image(table.id(), firstFile), "and go when the last scan is done");
        }
    }

    @Test
    void writerDiscardsOnCloseAndCanCommitTwice()
    {
        try (MemoryCatalog catalog = new MemoryCatalog(StorageOptions.memoryDefaults().withRowGroupSize(64))) {
            Table table = catalog.createTable(new TableSchema("t", List.of(new Column("id", DataTypes.BIGINT), new Column("name", DataTypes.VARCHAR))));
            List<List<Object>> rows = rows(300);
            try (TableWriter writer = table.newWriter(allocator)) {
                try (ColumnBatch batch = TestTables.batch(allocator, table.schema().columns(), rows.subList(0, 100))) {
                    writer.append(batch);
                }
                assertEquals(100, writer.commit());
                try (ColumnBatch batch = TestTables.batch(allocator, table.schema().columns(), rows.subList(100, 300))) {
                    writer.append(batch);
                }
                assertEquals(rows.subList(0, 100), TestTables.readAll(table, allocator));
            }
            assertEquals(rows.subList(0, 100), TestTables.readAll(table, allocator));
            assertEquals(100, table.statistics().rowCount());
        }
    }

    @Test
    void tableWithoutColumnsCountsRows()
    {
        try (MemoryCatalog catalog = new MemoryCatalog()) {
            Table table = catalog.createTable(new TableSchema("empty", List.of()));
            try (TableWriter writer = table.newWriter(allocator)) {
                writer.append(ColumnBatch.of(List.of(), 5));
                assertEquals(5, writer.commit());
            }
            assertEquals(5, TestTables.readAll(table, allocator).size());
            assertEquals(5, table.statistics().rowCount());
        }
    }
}
