package dev.basalt.storage;

import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.ColumnPredicate;
import dev.basalt.spi.catalog.IndexDefinition;
import dev.basalt.spi.catalog.IndexLookup;
import dev.basalt.spi.catalog.RowFilter;
import dev.basalt.spi.catalog.RowFilterCompiler;
import dev.basalt.spi.catalog.ScanSpec;
import dev.basalt.spi.catalog.Table;
import dev.basalt.spi.catalog.TableChange;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.catalog.TableWriter;
import dev.basalt.spi.catalog.Transaction;
import dev.basalt.spi.catalog.TriggerDefinition;
import dev.basalt.spi.catalog.ViewDefinition;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.storage.manifest.FileNames;
import dev.basalt.storage.manifest.IndexEntry;
import dev.basalt.storage.manifest.RowGroupEntry;
import org.apache.arrow.vector.BigIntVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.basalt.storage.TestTables.row;
import static dev.basalt.storage.TransactionTest.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaAndIndexTest
        extends AllocatorTest
{
    private static final List<Column> COLUMNS = List.of(new Column("id", DataTypes.BIGINT), new Column("name", DataTypes.VARCHAR));
    /** Understands "column > number" on BIGINT columns: enough to test partial indexes without the engine. */
    static final RowFilterCompiler GREATER_THAN = (schema, sql) -> {
        Matcher matcher = Pattern.compile("(\\w+) > (\\d+)").matcher(sql);
        if (!matcher.matches()) {
            throw new BasaltException(ErrorCode.SYNTAX_ERROR, "cannot parse " + sql);
        }
        int column = schema.indexOf(matcher.group(1)).orElseThrow(() -> new BasaltException(ErrorCode.UNDEFINED_COLUMN, "no column " + matcher.group(1)));
        long bound = Long.parseLong(matcher.group(2));
        return new RowFilter()
        {
            @Override
            public int select(ColumnBatch batch, int[] positions)
            {
                BigIntVector vector = (BigIntVector) batch.column(column);
                int count = 0;
                for (int i = 0; i < batch.rowCount(); i++) {
                    int position = batch.position(i);
                    if (!vector.isNull(position) && vector.get(position) > bound) {
                        positions[count++] = position;
                    }
                }
                return count;
            }
        };
    };

    @TempDir
    Path directory;

    private StorageOptions disk()
    {
        return StorageOptions.defaults().withRowGroupSize(100).withFsync(false).withRowFilterCompiler(GREATER_THAN);
    }

    @Test
    void addedColumnReadsItsDefaultInOldRowGroups()
    {
        try (DirectoryCatalog catalog = DirectoryCatalog.open(directory, disk())) {
            Table table = catalog.createTable(new TableSchema("t", COLUMNS));
            TestTables.insert(table, allocator, rows(0, 150));
            catalog.alterTable("t", new TableChange.AddColumn(new Column("score", DataTypes.INTEGER, false), 42));
            catalog.alterTable("t", new TableChange.AddColumn(new Column("note", DataTypes.VARCHAR), null));
            assertEquals(List.of("id", "name", "score", "note"), table.schema().columns().stream().map(Column::name).toList());
            TestTables.insert(table, allocator, List.of(row(150L, "new", 7, "n")));
            List<List<Object>> rows = TestTables.readAll(table, allocator);
            assertEquals(151, rows.size());
            assertEquals(row(3L, "r3", 42, null), rows.get(3));
            assertEquals(row(150L, "new", 7, "n"), rows.get(150));
            assertEquals(42, table.statistics().columns().get(2).max());
            assertEquals(7, table.statistics().columns().get(2).min());
            // Zone maps of the constant default prune too.
            assertEquals(1, TestTables.read(table, new ScanSpec(List.of(0), List.of(new ColumnPredicate.Range(2, 0, true, 10, true))), allocator).size());
        }
        try (DirectoryCatalog catalog = DirectoryCatalog.open(directory, disk())) {
            Table table = catalog.getTable("t").orElseThrow();
            assertEquals(row(3L, "r3", 42, null), TestTables.readAll(table, allocator).get(3));
            catalog.compact(Optional.empty());
            assertEquals(row(3L, "r3", 42, null), TestTables.readAll(table, allocator).get(3));
        }
    }

    @Test
    void defaultExpressionsPersistAndSurviveRenames()
    {
        try (DirectoryCatalog catalog = DirectoryCatalog.open(directory, disk())) {
            Table table = catalog.createTable(new TableSchema("t", List.of(new Column("id", DataTypes.BIGINT),
                    new Column("name", DataTypes.VARCHAR, false, Optional.of("'anon'")))));
            TestTables.insert(table, allocator, rows(0, 3));
            catalog.alterTable("t", new TableChange.AddColumn(new Column("score", DataTypes.INTEGER, true, Optional.of("3 + 4")), 7));
            catalog.alterTable("t", new TableChange.RenameColumn("name", "label"));
            assertEquals(Optional.of("'anon'"), table.schema().column(1).defaultExpression());
            assertEquals(row(1L, "r1", 7), TestTables.readAll(table, allocator).get(1));
        }
        try (DirectoryCatalog catalog = DirectoryCatalog.open(directory, disk())) {
            TableSchema schema = catalog.getTable("t").orElseThrow().schema();
            assertEquals(new Column("label", DataTypes.VARCHAR, false, Optional.of("'anon'")), schema.column(1));
            assertEquals(new Column("score", DataTypes.INTEGER, true, Optional.of("3 + 4")), schema.column(2));
            assertEquals(Optional.empty(), schema.column(0).defaultExpression());
        }
    }

    @Test
    void dropRenameAndTheirErrors()
    {
        try (MemoryCatalog catalog = new MemoryCatalog(StorageOptions.memoryDefaults().withRowGroupSize(100))) {
            Table table = catalog.createTable(new TableSchema("t", COLUMNS));
            catalog.createTable(new TableSchema("other", COLUMNS));
            catalog.createView(new ViewDefinition("v", "SELECT 1", List.of("x")), false);
            TestTables.insert(table, allocator, rows(0, 120));
            catalog.alterTable("t", new TableChange.DropColumn("name"));
            assertEquals(List.of(row(5L)), TestTables.readAll(table, allocator).subList(5, 6));
            // Re-adding a dropped name is a new column: the old values do not come back.
            catalog.alterTable("t", new TableChange.AddColumn(new Column("name", DataTypes.VARCHAR), "d"));
            assertEquals(row(5L, "d"), TestTables.readAll(table, allocator).get(5));
            catalog.alterTable("t", new TableChange.RenameColumn("name", "label"));
            catalog.alterTable("t", new TableChange.RenameTable("renamed"));
            Table renamed = catalog.getTable("renamed").orElseThrow();
            assertEquals(List.of("id", "label"), renamed.schema().columns().stream().map(Column::name).toList());
            assertEquals(row(5L, "d"), TestTables.readAll(renamed, allocator).get(5));
            assertTrue(catalog.getTable("t").isEmpty());
            assertEquals(ErrorCode.UNDEFINED_TABLE, code(() -> catalog.alterTable("t", new TableChange.DropColumn("id"))));
            assertEquals(ErrorCode.UNDEFINED_COLUMN, code(() -> catalog.alterTable("renamed", new TableChange.DropColumn("nope"))));
            assertEquals(ErrorCode.UNDEFINED_COLUMN, code(() -> catalog.alterTable("renamed", new TableChange.RenameColumn("nope", "x"))));
            assertEquals(ErrorCode.DUPLICATE_COLUMN, code(() -> catalog.alterTable("renamed", new TableChange.RenameColumn("id", "label"))));
            assertEquals(ErrorCode.DUPLICATE_COLUMN, code(() -> catalog.alterTable("renamed", new TableChange.AddColumn(new Column("id", DataTypes.INTEGER), null))));
            assertEquals(ErrorCode.DUPLICATE_TABLE, code(() -> catalog.alterTable("renamed", new TableChange.RenameTable("other"))));
            assertEquals(ErrorCode.DUPLICATE_TABLE, code(() -> catalog.alterTable("renamed", new TableChange.RenameTable("v"))));
            assertEquals(ErrorCode.DATATYPE_MISMATCH, code(() -> catalog.alterTable("renamed", new TableChange.AddColumn(new Column("n", DataTypes.INTEGER), "x"))));
            assertEquals(ErrorCode.NOT_NULL_VIOLATION, code(() -> catalog.alterTable("renamed", new TableChange.AddColumn(new Column("n", DataTypes.INTEGER, false), null))));
            // A writer opened before an ALTER cannot commit rows of the old shape.
            try (Transaction transaction = catalog.beginTransaction()) {
                Table inside = transaction.getTable("renamed").orElseThrow();
                try (TableWriter writer = inside.newWriter(allocator)) {
                    try (ColumnBatch batch = TestTables.batch(allocator, inside.schema().columns(), List.of(row(1000L, "x")))) {
                        writer.append(batch);
                    }
                    transaction.alterTable("renamed", new TableChange.AddColumn(new Column("late", DataTypes.INTEGER), 1));
                    assertEquals(ErrorCode.INVALID_TRANSACTION_STATE, assertThrows(BasaltException.class, writer::commit).code());
                }
            }
            assertEquals(List.of("id", "label"), renamed.schema().columns().stream().map(Column::name).toList());
            assertEquals(120, renamed.statistics().rowCount());
        }
    }

    @Test
    void triggersPersistFollowTheirTableAndAreTransactional()
    {
        TriggerDefinition audit = new TriggerDefinition("audit", "t", TriggerDefinition.Timing.AFTER, TriggerDefinition.Event.INSERT,
                List.of(), Optional.of("new.id > 0"), "INSERT INTO log VALUES (new.id);");
        try (DirectoryCatalog catalog = DirectoryCatalog.open(directory, disk())) {
            catalog.createTable(new TableSchema("t", COLUMNS));
            catalog.createTable(new TableSchema("other", COLUMNS));
            catalog.createView(new ViewDefinition("v", "SELECT 1", List.of("x")), false);
            catalog.createTrigger(audit);
            assertEquals(ErrorCode.DUPLICATE_OBJECT, code(() -> catalog.createTrigger(audit)));
            assertEquals(ErrorCode.UNDEFINED_TABLE, code(() -> catalog.createTrigger(renamed(audit, "x", "nope"))));
            assertEquals(ErrorCode.WRONG_OBJECT_TYPE, code(() -> catalog.createTrigger(renamed(audit, "x", "v"))));
            assertEquals(ErrorCode.UNDEFINED_OBJECT, code(() -> catalog.dropTrigger("nope")));
            catalog.createTrigger(renamed(audit, "on_other", "other"));
            // a rolled-back transaction leaves no trigger behind
            try (Transaction transaction = catalog.beginTransaction()) {
                transaction.createTrigger(renamed(audit, "temp", "t"));
                assertEquals(List.of("audit", "temp"), transaction.listTriggers("t").stream().map(TriggerDefinition::name).toList());
                assertTrue(catalog.getTrigger("temp").isEmpty(), "not visible outside before commit");
                transaction.rollback();
            }
            assertTrue(catalog.getTrigger("temp").isEmpty());
            catalog.alterTable("t", new TableChange.RenameTable("t2"));
        }
        try (DirectoryCatalog catalog = DirectoryCatalog.open(directory, disk())) {
            assertEquals(List.of(renamed(audit, "audit", "t2")), catalog.listTriggers("t2"));
            assertEquals(List.of(), catalog.listTriggers("t"));
            catalog.dropTable("t2");
            assertTrue(catalog.getTrigger("audit").isEmpty(), "dropping a table drops its triggers");
            assertTrue(catalog.getTrigger("on_other").isPresent());
            catalog.dropTrigger("on_other");
        }
        try (DirectoryCatalog catalog = DirectoryCatalog.open(directory, disk())) {
            assertTrue(catalog.getTrigger("on_other").isEmpty());
            assertEquals(List.of(), catalog.listTriggers("other"));
        }
    }

    private static TriggerDefinition renamed(TriggerDefinition trigger, String name, String table)
    {
        return new TriggerDefinition(name, table, trigger.timing(), trigger.event(), trigger.updateColumns(), trigger.whenSql(), trigger.bodySql());
    }

    @Test
    void viewsAndIndexesPersistAndFollowTheirTable()
    {
        try (DirectoryCatalog catalog = DirectoryCatalog.open(directory, disk())) {
            Table table = catalog.createTable(new TableSchema("t", COLUMNS));
            TestTables.insert(table, allocator, rows(0, 250));
            catalog.createView(new ViewDefinition("v", "SELECT id FROM t", List.of("id")), false);
            assertEquals(ErrorCode.DUPLICATE_TABLE, code(() -> catalog.createView(new ViewDefinition("v", "SELECT 2", List.of("x")), false)));
            catalog.createView(new ViewDefinition("v", "SELECT name FROM t", List.of("name")), true);
            assertEquals(ErrorCode.DUPLICATE_TABLE, code(() -> catalog.createView(new ViewDefinition("t", "SELECT 2", List.of("x")), true)));
            assertEquals(ErrorCode.DUPLICATE_TABLE, code(() -> catalog.createTable(new TableSchema("v", COLUMNS))));
            assertEquals(ErrorCode.UNDEFINED_TABLE, code(() -> catalog.dropView("nope")));
            catalog.createIndex(new IndexDefinition("t_id", "t", List.of("id"), Optional.empty(), true));
            catalog.createIndex(new IndexDefinition("t_big", "t", List.of("name", "id"), Optional.of("id > 200"), false));
            assertEquals(ErrorCode.DUPLICATE_TABLE, code(() -> catalog.createIndex(new IndexDefinition("t_id", "t", List.of("name"), Optional.empty(), false))));
            assertEquals(ErrorCode.UNDEFINED_TABLE, code(() -> catalog.createIndex(new IndexDefinition("x", "nope", List.of("id"), Optional.empty(), false))));
            assertEquals(ErrorCode.UNDEFINED_COLUMN, code(() -> catalog.createIndex(new IndexDefinition("x", "t", List.of("nope"), Optional.empty(), false))));
            assertEquals(ErrorCode.UNDEFINED_OBJECT, code(() -> catalog.dropIndex("nope")));
            assertEquals(ErrorCode.UNDEFINED_OBJECT, code(() -> catalog.rebuildIndex("nope")));
            assertEquals(ErrorCode.DEPENDENT_OBJECTS_STILL_EXIST, code(() -> catalog.alterTable("t", new TableChange.DropColumn("name"))));
            assertEquals(ErrorCode.DEPENDENT_OBJECTS_STILL_EXIST, code(() -> catalog.alterTable("t", new TableChange.RenameColumn("id", "key"))));
            catalog.alterTable("t", new TableChange.RenameTable("t2"));
            assertEquals("t2", catalog.getIndex("t_id").orElseThrow().table());
        }
        try (DirectoryCatalog catalog = DirectoryCatalog.open(directory, disk())) {
            assertEquals(new ViewDefinition("v", "SELECT name FROM t", List.of("name")), catalog.getView("v").orElseThrow());
            assertEquals(List.of("t_big", "t_id"), catalog.listIndexes("t2").stream().map(IndexDefinition::name).toList());
            assertEquals(new IndexDefinition("t_big", "t2", List.of("name", "id"), Optional.of("id > 200"), false), catalog.getIndex("t_big").orElseThrow());
            catalog.dropTable("t2");
            assertEquals(List.of(), catalog.listIndexes("t2"));
            assertTrue(catalog.getIndex("t_id").isEmpty());
            assertTrue(catalog.getView("v").isPresent(), "a view outlives its table (it fails when used)");
            catalog.dropView("v");
            assertEquals(List.of(), catalog.listViews());
        }
    }

    @Test
    void indexLookupsReadExactlyTheMatchingLiveRows()
    {
        try (DirectoryCatalog catalog = DirectoryCatalog.open(directory, disk())) {
            StorageTable table = (StorageTable) catalog.createTable(new TableSchema("t", COLUMNS));
            TestTables.insert(table, allocator, rows(0, 250));
            catalog.createIndex(new IndexDefinition("t_id", "t", List.of("id"), Optional.empty(), false));
            catalog.createIndex(new IndexDefinition("t_big", "t", List.of("id"), Optional.of("id > 200"), false));
            // Rows appended later get index files too (one per index and row group).
            TestTables.insert(table, allocator, rows(250, 420));
            for (RowGroupEntry rowGroup : catalog.entry(table.id(), "t").rowGroups()) {
                for (IndexEntry index : catalog.current().indexesOf(table.id())) {
                    assertTrue(Files.exists(directory.resolve("tables/" + table.id() + "/" + FileNames.index(index.id(), rowGroup.fileId()))));
                }
            }
            ScanSpec spec = new ScanSpec(List.of(0, 1), List.of());
            IndexLookup range = new IndexLookup("t_id", List.of(new ColumnPredicate.Range(0, 95L, true, 105L, false)));
            assertEquals(rows(95, 105), TestTables.read(table, spec.withIndex(range), allocator));
            IndexLookup point = new IndexLookup("t_id", List.of(new ColumnPredicate.In(0, List.of(3L, 333L, 999L))));
            assertEquals(List.of(row(3L, "r3"), row(333L, "r333")), TestTables.read(table, spec.withIndex(point), allocator));
            // A partial index covers only its rows: id > 200.
            IndexLookup partial = new IndexLookup("t_big", List.of(new ColumnPredicate.Range(0, 150L, true, 210L, false)));
            assertEquals(rows(201, 210), TestTables.read(table, spec.withIndex(partial), allocator));
            // Without key predicates: every covered row.
            assertEquals(rows(201, 420), TestTables.read(table, spec.withIndex(new IndexLookup("t_big", List.of())), allocator));
            // Minus deleted rows; still right after compaction rebuilt the files, and after REINDEX.
            TestTables.deleteWhere(table, allocator, row -> (Long) row.getFirst() == 100L || (Long) row.getFirst() == 203L);
            List<List<Object>> expected = new ArrayList<>(rows(95, 105));
            expected.remove(row(100L, "r100"));
            assertEquals(expected, TestTables.read(table, spec.withIndex(range), allocator));
            catalog.compact(Optional.empty());
            assertEquals(expected, TestTables.read(table, spec.withIndex(range), allocator));
            catalog.rebuildIndex("t_big");
            List<List<Object>> big = new ArrayList<>(rows(201, 210));
            big.remove(row(203L, "r203"));
            assertEquals(big, TestTables.read(table, spec.withIndex(partial), allocator));
            // Index lookups with row ids: an UPDATE through an index.
            List<List<Object>> withIds = TestTables.read(table, new ScanSpec(List.of(0), List.of(), true, Optional.of(point)), allocator);
            assertEquals(2, withIds.size());
            assertEquals(ErrorCode.UNDEFINED_OBJECT, code(() -> TestTables.read(table, spec.withIndex(new IndexLookup("nope", List.of())), allocator)));
            TransactionTest.assertNoOrphans(catalog, directory);
        }
        catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void uniqueIndexRefusesDuplicatesAndPartialIndexNeedsACompiler()
    {
        try (MemoryCatalog catalog = new MemoryCatalog(StorageOptions.memoryDefaults().withRowGroupSize(100))) {
            Table table = catalog.createTable(new TableSchema("t", COLUMNS));
            TestTables.insert(table, allocator, rows(0, 250));
            TestTables.insert(table, allocator, List.of(row(7L, "again")));
            BasaltException error = assertThrows(BasaltException.class,
                    () -> catalog.createIndex(new IndexDefinition("u", "t", List.of("id"), Optional.empty(), true)));
            assertEquals(ErrorCode.UNIQUE_VIOLATION, error.code());
            assertTrue(error.getMessage().contains("7"), error.getMessage());
            assertTrue(catalog.getIndex("u").isEmpty());
            // Deleted duplicates do not count.
            TestTables.deleteWhere(table, allocator, row -> "again".equals(row.get(1)));
            catalog.createIndex(new IndexDefinition("u", "t", List.of("id"), Optional.empty(), true));
            BasaltException partial = assertThrows(BasaltException.class,
                    () -> catalog.createIndex(new IndexDefinition("p", "t", List.of("id"), Optional.of("id > 3"), false)));
            assertEquals(ErrorCode.FEATURE_NOT_SUPPORTED, partial.code());
            assertTrue(partial.getMessage().contains("compiler"), partial.getMessage());
            assertFalse(catalog.getIndex("p").isPresent());
        }
    }

    @Test
    void indexCreatedWhileAWriterIsOpenCoversItsRows()
    {
        try (MemoryCatalog catalog = new MemoryCatalog(StorageOptions.memoryDefaults().withRowGroupSize(100))) {
            catalog.createTable(new TableSchema("t", COLUMNS));
            try (Transaction transaction = catalog.beginTransaction()) {
                Table table = transaction.getTable("t").orElseThrow();
                try (TableWriter writer = table.newWriter(allocator)) {
                    try (ColumnBatch batch = TestTables.batch(allocator, COLUMNS, rows(0, 150))) {
                        writer.append(batch);
                    }
                    transaction.createIndex(new IndexDefinition("t_id", "t", List.of("id"), Optional.empty(), false));
                    writer.commit();
                }
                transaction.commit();
            }
            Table table = catalog.getTable("t").orElseThrow();
            IndexLookup lookup = new IndexLookup("t_id", List.of(new ColumnPredicate.In(0, List.of(5L, 120L))));
            assertEquals(List.of(row(5L, "r5"), row(120L, "r120")), TestTables.read(table, ScanSpec.allColumns(table.schema()).withIndex(lookup), allocator));
        }
    }

    private static ErrorCode code(Runnable action)
    {
        return assertThrows(BasaltException.class, action::run).code();
    }
}
