package dev.basalt.storage;

import dev.basalt.spi.batch.CloseableIterator;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.IndexDefinition;
import dev.basalt.spi.catalog.ScanSpec;
import dev.basalt.spi.catalog.Table;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.catalog.TableWriter;
import dev.basalt.spi.catalog.Transaction;
import dev.basalt.spi.catalog.ViewDefinition;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static dev.basalt.storage.TestTables.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransactionTest
        extends AllocatorTest
{
    private static final List<Column> COLUMNS = List.of(new Column("id", DataTypes.BIGINT), new Column("name", DataTypes.VARCHAR));
    private static final StorageOptions MEMORY = StorageOptions.memoryDefaults().withRowGroupSize(100).withWriterLockTimeout(Duration.ZERO);
    private static final StorageOptions DISK = StorageOptions.defaults().withRowGroupSize(100).withWriterLockTimeout(Duration.ZERO).withFsync(false);

    @TempDir
    Path directory;

    static List<List<Object>> rows(int from, int to)
    {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = from; i < to; i++) {
            rows.add(row((long) i, "r" + i));
        }
        return rows;
    }

    @Test
    void readerKeepsItsSnapshotWhileAWriterCommits()
    {
        try (MemoryCatalog catalog = new MemoryCatalog(MEMORY)) {
            Table table = catalog.createTable(new TableSchema("t", COLUMNS));
            TestTables.insert(table, allocator, rows(0, 150));
            try (Transaction reader = catalog.beginTransaction()) {
                Table seen = reader.getTable("t").orElseThrow();
                try (CloseableIterator<ColumnBatch> scan = table.scan(ScanSpec.allColumns(table.schema()), allocator)) {
                    TestTables.insert(table, allocator, rows(150, 400));
                    TestTables.deleteWhere(table, allocator, row -> (Long) row.getFirst() < 50);
                    catalog.createTable(new TableSchema("u", COLUMNS));
                    int count = 0;
                    while (scan.hasNext()) {
                        try (ColumnBatch batch = scan.next()) {
                            count += batch.rowCount();
                        }
                    }
                    assertEquals(150, count, "a scan reads the snapshot current when it started");
                }
                assertEquals(rows(0, 150), TestTables.readAll(seen, allocator));
                assertEquals(150, seen.statistics().rowCount());
                assertEquals(List.of("t"), reader.listTables());
                assertFalse(reader.hasWrites());
                reader.commit();
            }
            assertEquals(rows(50, 400), TestTables.readAll(table, allocator));
            assertEquals(List.of("t", "u"), catalog.listTables());
        }
    }

    @Test
    void changesAreInvisibleUntilCommitThenAllAtOnce()
    {
        try (MemoryCatalog catalog = new MemoryCatalog(MEMORY)) {
            Table table = catalog.createTable(new TableSchema("t", COLUMNS));
            TestTables.insert(table, allocator, rows(0, 10));
            long version = catalog.version();
            try (Transaction transaction = catalog.beginTransaction()) {
                Table inside = transaction.getTable("t").orElseThrow();
                TestTables.insert(inside, allocator, rows(10, 20));
                TestTables.deleteWhere(inside, allocator, row -> (Long) row.getFirst() % 2 == 0);
                Table other = transaction.createTable(new TableSchema("u", COLUMNS));
                TestTables.insert(other, allocator, rows(0, 5));
                transaction.createView(new ViewDefinition("v", "SELECT * FROM u", List.of("id", "name")), false);
                transaction.createIndex(new IndexDefinition("t_id", "t", List.of("id"), Optional.empty(), true));
                assertTrue(transaction.hasWrites());
                // Inside: everything; outside: nothing yet.
                assertEquals(10, TestTables.readAll(inside, allocator).size());
                assertEquals(List.of("t", "u"), transaction.listTables());
                assertEquals(rows(0, 10), TestTables.readAll(table, allocator));
                assertEquals(List.of("t"), catalog.listTables());
                assertTrue(catalog.getView("v").isEmpty());
                assertTrue(catalog.getIndex("t_id").isEmpty());
                assertEquals(version, catalog.version());
                transaction.commit();
                assertFalse(transaction.isActive());
            }
            assertEquals(version + 1, catalog.version(), "one transaction = one manifest version");
            List<List<Object>> expected = new ArrayList<>();
            for (List<Object> row : rows(0, 20)) {
                if ((Long) row.getFirst() % 2 != 0) {
                    expected.add(row);
                }
            }
            assertEquals(expected, TestTables.readAll(table, allocator));
            assertEquals(rows(0, 5), TestTables.readAll(catalog.getTable("u").orElseThrow(), allocator));
            assertEquals("SELECT * FROM u", catalog.getView("v").orElseThrow().sql());
            assertEquals(List.of("t_id"), catalog.listIndexes("t").stream().map(IndexDefinition::name).toList());
        }
    }

    @Test
    void rollbackLeavesNoTraceOnDisk()
            throws IOException
    {
        try (DirectoryCatalog catalog = DirectoryCatalog.open(directory, DISK)) {
            Table table = catalog.createTable(new TableSchema("t", COLUMNS));
            TestTables.insert(table, allocator, rows(0, 250));
            catalog.createIndex(new IndexDefinition("t_id", "t", List.of("id"), Optional.empty(), false));
            Set<String> before = files();
            long version = catalog.version();
            Transaction transaction = catalog.beginTransaction();
            Table inside = transaction.getTable("t").orElseThrow();
            TestTables.insert(inside, allocator, rows(250, 600));
            TestTables.deleteWhere(inside, allocator, row -> (Long) row.getFirst() % 3 == 0);
            Table created = transaction.createTable(new TableSchema("u", COLUMNS));
            TestTables.insert(created, allocator, rows(0, 300));
            transaction.alterTable("t", new dev.basalt.spi.catalog.TableChange.AddColumn(new Column("extra", DataTypes.INTEGER), 7));
            transaction.createView(new ViewDefinition("v", "SELECT 1", List.of("x")), false);
            transaction.compact(Optional.empty());
            assertFalse(files().equals(before), "the transaction wrote files");
            transaction.rollback();
            assertFalse(transaction.isActive());
            assertEquals(before, files());
            assertEquals(version, catalog.version());
            assertEquals(rows(0, 250), TestTables.readAll(table, allocator));
            assertEquals(List.of("t"), catalog.listTables());
            // The writer permit is free again.
            TestTables.insert(table, allocator, rows(250, 260));
        }
        try (DirectoryCatalog catalog = DirectoryCatalog.open(directory, DISK)) {
            assertEquals(rows(0, 260), TestTables.readAll(catalog.getTable("t").orElseThrow(), allocator));
            assertEquals(List.of(), catalog.listViews());
        }
    }

    @Test
    void closingAnUncommittedTransactionRollsBack()
    {
        try (MemoryCatalog catalog = new MemoryCatalog(MEMORY)) {
            try (Transaction transaction = catalog.beginTransaction()) {
                transaction.createTable(new TableSchema("t", COLUMNS));
            }
            assertEquals(List.of(), catalog.listTables());
            catalog.createTable(new TableSchema("t", COLUMNS));
        }
    }

    @Test
    void firstCommitterWins()
    {
        try (MemoryCatalog catalog = new MemoryCatalog(MEMORY)) {
            Table table = catalog.createTable(new TableSchema("t", COLUMNS));
            try (Transaction late = catalog.beginTransaction()) {
                TestTables.insert(table, allocator, rows(0, 3));
                // Reading is fine; the first change fails.
                assertEquals(List.of(), TestTables.readAll(late.getTable("t").orElseThrow(), allocator));
                BasaltException error = assertThrows(BasaltException.class, () -> late.createTable(new TableSchema("u", COLUMNS)));
                assertEquals(ErrorCode.SERIALIZATION_FAILURE, error.code());
                assertTrue(error.getMessage().contains("another transaction committed since this one began"), error.getMessage());
                assertEquals(ErrorCode.SERIALIZATION_FAILURE,
                        assertThrows(BasaltException.class, () -> late.getTable("t").orElseThrow().newWriter(allocator)).code());
                assertFalse(late.hasWrites());
                late.rollback();
            }
            // The failed transaction did not keep the permit.
            catalog.createTable(new TableSchema("u", COLUMNS));
        }
    }

    @Test
    void oneWriterAtATime()
    {
        try (MemoryCatalog catalog = new MemoryCatalog(MEMORY)) {
            Table table = catalog.createTable(new TableSchema("t", COLUMNS));
            try (Transaction writer = catalog.beginTransaction(); Transaction other = catalog.beginTransaction()) {
                writer.createView(new ViewDefinition("v", "SELECT 1", List.of("x")), false);
                BasaltException error = assertThrows(BasaltException.class, () -> catalog.createTable(new TableSchema("u", COLUMNS)));
                assertEquals(ErrorCode.OBJECT_IN_USE, error.code());
                assertTrue(error.getMessage().contains("one writing transaction at a time"), error.getMessage());
                assertEquals(ErrorCode.OBJECT_IN_USE, assertThrows(BasaltException.class, () -> table.newWriter(allocator)).code());
                assertEquals(ErrorCode.OBJECT_IN_USE, assertThrows(BasaltException.class, () -> other.dropTable("t")).code());
                // Readers never wait.
                assertEquals(List.of(), TestTables.readAll(other.getTable("t").orElseThrow(), allocator));
                writer.commit();
                // other's snapshot is now stale.
                assertEquals(ErrorCode.SERIALIZATION_FAILURE, assertThrows(BasaltException.class, () -> other.dropTable("t")).code());
            }
            catalog.createTable(new TableSchema("u", COLUMNS));
        }
    }

    @Test
    void writerPermitWaitsForTheTimeout()
            throws Exception
    {
        try (MemoryCatalog catalog = new MemoryCatalog(MEMORY.withWriterLockTimeout(Duration.ofSeconds(30)))) {
            Transaction writer = catalog.beginTransaction();
            writer.createTable(new TableSchema("t", COLUMNS));
            Thread committer = new Thread(writer::commit);
            // The waiting createTable gets the permit once the first transaction commits.
            committer.start();
            catalog.createTable(new TableSchema("u", COLUMNS));
            committer.join();
            assertEquals(List.of("t", "u"), catalog.listTables());
        }
    }

    @Test
    void transactionStateErrors()
    {
        try (MemoryCatalog catalog = new MemoryCatalog(MEMORY)) {
            Transaction transaction = catalog.beginTransaction();
            assertEquals(ErrorCode.ACTIVE_SQL_TRANSACTION, assertThrows(BasaltException.class, transaction::beginTransaction).code());
            transaction.commit();
            assertEquals(ErrorCode.NO_ACTIVE_SQL_TRANSACTION, assertThrows(BasaltException.class, transaction::commit).code());
            assertEquals(ErrorCode.NO_ACTIVE_SQL_TRANSACTION, assertThrows(BasaltException.class, transaction::listTables).code());
            transaction.rollback();
            transaction.close();
        }
    }

    @Test
    void updateIsDeletePlusAppendInOneWriter()
    {
        try (MemoryCatalog catalog = new MemoryCatalog(MEMORY)) {
            Table table = catalog.createTable(new TableSchema("t", COLUMNS));
            TestTables.insert(table, allocator, rows(0, 250));
            List<List<Object>> current = TestTables.readWithRowIds(table, allocator);
            long[] ids = new long[current.size()];
            List<List<Object>> replacement = new ArrayList<>();
            int count = 0;
            for (List<Object> row : current) {
                if ((Long) row.getFirst() % 10 == 0) {
                    ids[count++] = (Long) row.getLast();
                    replacement.add(row(row.getFirst(), "updated"));
                }
            }
            long version = catalog.version();
            try (TableWriter writer = table.newWriter(allocator)) {
                writer.delete(ids, count);
                try (ColumnBatch batch = TestTables.batch(allocator, COLUMNS, replacement)) {
                    writer.append(batch);
                }
                assertEquals(25, writer.commit());
            }
            assertEquals(version + 1, catalog.version());
            List<List<Object>> rows = TestTables.readAll(table, allocator);
            assertEquals(250, rows.size());
            assertEquals(250, table.statistics().rowCount());
            Set<Long> updated = new TreeSet<>();
            for (List<Object> row : rows) {
                if (row.get(1).equals("updated")) {
                    updated.add((Long) row.getFirst());
                }
                else {
                    assertEquals("r" + row.getFirst(), row.get(1));
                }
            }
            assertEquals(25, updated.size());
        }
    }

    private Set<String> files()
            throws IOException
    {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.filter(Files::isRegularFile).forEach(path -> names.add(directory.relativize(path).toString()));
        }
        return names;
    }

    static void assertNoOrphans(StorageCatalog catalog, Path directory)
            throws IOException
    {
        java.util.Map<Long, Set<String>> live = dev.basalt.storage.manifest.FileNames.liveFiles(catalog.current());
        Path tables = directory.resolve("tables");
        if (!Files.isDirectory(tables)) {
            return;
        }
        try (Stream<Path> paths = Files.list(tables)) {
            for (Path tableDirectory : paths.toList()) {
                long id = Long.parseLong(tableDirectory.getFileName().toString());
                assertTrue(live.containsKey(id), "directory of unknown table " + tableDirectory);
                try (Stream<Path> files = Files.list(tableDirectory)) {
                    for (Path file : files.toList()) {
                        assertTrue(live.get(id).contains(file.getFileName().toString()), "orphan file " + file);
                    }
                }
            }
        }
        try (Stream<Path> paths = Files.list(directory)) {
            for (Path path : paths.toList()) {
                String name = path.getFileName().toString();
                assertTrue(name.equals("LOCK") || name.equals("MANIFEST") || name.equals("tables") || name.equals("manifest-" + catalog.version() + ".bin"),
                        "unexpected file " + path);
            }
        }
    }

    @Test
    void committedFilesAreExactlyTheLiveOnes()
            throws IOException
    {
        try (DirectoryCatalog catalog = DirectoryCatalog.open(directory, DISK)) {
            Table table = catalog.createTable(new TableSchema("t", COLUMNS));
            TestTables.insert(table, allocator, rows(0, 450));
            catalog.createIndex(new IndexDefinition("t_id", "t", List.of("id"), Optional.empty(), false));
            TestTables.deleteWhere(table, allocator, row -> (Long) row.getFirst() % 7 == 0);
            TestTables.deleteWhere(table, allocator, row -> (Long) row.getFirst() % 5 == 0);
            TestTables.insert(table, allocator, rows(450, 460));
            catalog.compact(Optional.empty());
            Table dropped = catalog.createTable(new TableSchema("gone", COLUMNS));
            TestTables.insert(dropped, allocator, rows(0, 10));
            catalog.dropTable("gone");
            assertNoOrphans(catalog, directory);
        }
    }
}
