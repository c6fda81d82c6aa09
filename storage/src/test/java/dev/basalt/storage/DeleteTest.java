package dev.basalt.storage;

import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.ScanSpec;
import dev.basalt.spi.catalog.ColumnPredicate;
import dev.basalt.spi.catalog.Table;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.catalog.TableWriter;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.storage.manifest.FileNames;
import dev.basalt.storage.manifest.RowGroupEntry;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.apache.arrow.memory.RootAllocator;
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
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeleteTest
        extends AllocatorTest
{
    private static final List<Column> COLUMNS = List.of(new Column("id", DataTypes.BIGINT), new Column("name", DataTypes.VARCHAR));
    private static final StorageOptions MEMORY = StorageOptions.memoryDefaults().withRowGroupSize(100);

    @TempDir
    Path directory;

    @Test
    void deletedRowsAreGoneAndRowIdsAreStable()
    {
        try (MemoryCatalog catalog = new MemoryCatalog(MEMORY)) {
            StorageTable table = (StorageTable) catalog.createTable(new TableSchema("t", COLUMNS));
            TestTables.insert(table, allocator, rows(0, 250));
            List<List<Object>> withIds = TestTables.readWithRowIds(table, allocator);
            assertEquals(withIds, TestTables.readWithRowIds(table, allocator), "row ids are stable for a snapshot");
            assertEquals(250, withIds.stream().map(List::getLast).distinct().count());
            assertEquals(125, TestTables.deleteWhere(table, allocator, row -> (Long) row.getFirst() % 2 == 0));
            List<List<Object>> expected = new ArrayList<>();
            for (List<Object> row : rows(0, 250)) {
                if ((Long) row.getFirst() % 2 != 0) {
                    expected.add(row);
                }
            }
            assertEquals(expected, TestTables.readAll(table, allocator));
            assertEquals(125, table.statistics().rowCount());
            // Surviving rows keep their ids; deleting a row twice is a no-op.
            List<List<Object>> after = TestTables.readWithRowIds(table, allocator);
            for (List<Object> row : after) {
                assertTrue(withIds.contains(row));
            }
            long version = catalog.version();
            try (TableWriter writer = table.newWriter(allocator)) {
                long[] again = withIds.stream().filter(row -> (Long) row.getFirst() % 2 == 0).mapToLong(row -> (Long) row.getLast()).toArray();
                writer.delete(again, again.length);
                writer.commit();
            }
            assertEquals(expected, TestTables.readAll(table, allocator));
            assertTrue(catalog.version() <= version + 1);
            // Count-only scans and projections skip deleted rows too.
            assertEquals(125, TestTables.read(table, new ScanSpec(List.of(), List.of()), allocator).size());
            assertEquals(62, TestTables.read(table, new ScanSpec(List.of(0), List.of(new ColumnPredicate.Range(0, 0L, true, 123L, true))), allocator)
                    .stream().filter(row -> (Long) row.getFirst() <= 123).count());
        }
    }

    @Test
    void fullyDeletedRowGroupLeavesTheManifest()
    {
        try (MemoryCatalog catalog = new MemoryCatalog(MEMORY)) {
            StorageTable table = (StorageTable) catalog.createTable(new TableSchema("t", COLUMNS));
            TestTables.insert(table, allocator, rows(0, 250));
            assertEquals(3, table.rowGroupCount());
            TestTables.deleteWhere(table, allocator, row -> (Long) row.getFirst() < 100);
            assertEquals(2, table.rowGroupCount());
            assertEquals(rows(100, 250), TestTables.readAll(table, allocator));
            // A second delete in the same row group writes a merged vector file.
            TestTables.deleteWhere(table, allocator, row -> (Long) row.getFirst() == 150);
            long firstDeletion = catalog.entry(table.id(), "t").rowGroups().get(0).deletionFileId();
            TestTables.deleteWhere(table, allocator, row -> (Long) row.getFirst() == 151);
            RowGroupEntry rowGroup = catalog.entry(table.id(), "t").rowGroups().get(0);
            assertNotEquals(firstDeletion, rowGroup.deletionFileId());
            assertEquals(2, rowGroup.deletedCount());
            assertEquals(Optional.empty(), Optional.ofNullable(catalog.file(table.id(), FileNames.deletionVector(firstDeletion))), "the old vector is deleted");
        }
    }

    @Test
    void staleRowIdsFailWithSerializationFailure()
    {
        try (MemoryCatalog catalog = new MemoryCatalog(MEMORY)) {
            Table table = catalog.createTable(new TableSchema("t", COLUMNS));
            TestTables.insert(table, allocator, rows(0, 250));
            TestTables.deleteWhere(table, allocator, row -> (Long) row.getFirst() % 3 == 0);
            List<List<Object>> old = TestTables.readWithRowIds(table, allocator);
            catalog.compact(Optional.empty());
            try (TableWriter writer = table.newWriter(allocator)) {
                writer.delete(new long[] {(Long) old.getFirst().getLast()}, 1);
                assertEquals(ErrorCode.SERIALIZATION_FAILURE, assertThrows(BasaltException.class, writer::commit).code());
            }
            try (TableWriter writer = table.newWriter(allocator)) {
                assertEquals(ErrorCode.INVALID_PARAMETER_VALUE, assertThrows(BasaltException.class, () -> writer.delete(new long[1], 2)).code());
            }
        }
    }

    @Test
    void deletesPersistAndCorruptedVectorIsReported()
            throws IOException
    {
        StorageOptions options = StorageOptions.defaults().withRowGroupSize(100).withFsync(false);
        long tableId;
        try (DirectoryCatalog catalog = DirectoryCatalog.open(directory, options)) {
            StorageTable table = (StorageTable) catalog.createTable(new TableSchema("t", COLUMNS));
            tableId = table.id();
            TestTables.insert(table, allocator, rows(0, 250));
            TestTables.deleteWhere(table, allocator, row -> (Long) row.getFirst() % 4 == 1);
        }
        List<List<Object>> expected = new ArrayList<>();
        for (List<Object> row : rows(0, 250)) {
            if ((Long) row.getFirst() % 4 != 1) {
                expected.add(row);
            }
        }
        Path vector;
        try (DirectoryCatalog catalog = DirectoryCatalog.open(directory, options)) {
            Table table = catalog.getTable("t").orElseThrow();
            assertEquals(expected, TestTables.readAll(table, allocator));
            assertEquals(expected.size(), table.statistics().rowCount());
            RowGroupEntry second = catalog.entry(tableId, "t").rowGroups().get(1);
            assertTrue(second.deletedCount() > 0);
            vector = directory.resolve("tables/" + tableId + "/" + FileNames.deletionVector(second.deletionFileId()));
        }
        byte[] bytes = Files.readAllBytes(vector);
        bytes[30] ^= 4;
        Files.write(vector, bytes);
        try (DirectoryCatalog catalog = DirectoryCatalog.open(directory, options)) {
            Table table = catalog.getTable("t").orElseThrow();
            BasaltException error = assertThrows(BasaltException.class, () -> TestTables.readAll(table, allocator));
            assertEquals(ErrorCode.DATA_CORRUPTED, error.code());
            assertTrue(error.getMessage().contains(vector.toString()), error.getMessage());
            assertTrue(error.getMessage().contains("\"t\""), error.getMessage());
            // Row groups with an intact vector still read.
            assertEquals(37, TestTables.read(table, new ScanSpec(List.of(0), List.of(new ColumnPredicate.Range(0, 200L, true, null, false))), allocator).size());
        }
    }

    /** Random deletes in several commits against a model. */
    @Property(tries = 30)
    void deletesMatchAModel(@ForAll @IntRange(min = 1, max = 400) int rowCount, @ForAll @IntRange(min = 1, max = 64) int rowGroupSize,
            @ForAll @Size(max = 6) List<@IntRange(min = 2, max = 9) Integer> moduli)
    {
        try (RootAllocator local = new RootAllocator();
                MemoryCatalog catalog = new MemoryCatalog(StorageOptions.memoryDefaults().withRowGroupSize(rowGroupSize))) {
            Table table = catalog.createTable(new TableSchema("t", COLUMNS));
            TestTables.insert(table, local, rows(0, rowCount), 37);
            List<List<Object>> model = new ArrayList<>(rows(0, rowCount));
            for (int modulus : moduli) {
                TestTables.deleteWhere(table, local, row -> (Long) row.getFirst() % modulus == 1);
                model.removeIf(row -> (Long) row.getFirst() % modulus == 1);
                assertEquals(model, TestTables.readAll(table, local));
                assertEquals(model.size(), table.statistics().rowCount());
            }
            catalog.compact(Optional.empty());
            assertEquals(model, TestTables.readAll(table, local));
            assertEquals(0, local.getAllocatedMemory());
        }
    }
}
