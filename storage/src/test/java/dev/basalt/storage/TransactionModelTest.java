package dev.basalt.storage;

import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.Catalog;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.IndexDefinition;
import dev.basalt.spi.catalog.IndexLookup;
import dev.basalt.spi.catalog.ColumnPredicate;
import dev.basalt.spi.catalog.ScanSpec;
import dev.basalt.spi.catalog.Table;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.catalog.TableWriter;
import dev.basalt.spi.catalog.Transaction;
import dev.basalt.spi.type.DataTypes;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.apache.arrow.memory.RootAllocator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

import static dev.basalt.storage.TestTables.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Random transactions (inserts, deletes, updates, compactions; committed or rolled back, or autocommitted) against
 * a model: after every step the transaction sees the model's working state, the catalog its committed state, and
 * an index lookup agrees with a filter of the model.
 */
class TransactionModelTest
{
    private static final List<Column> COLUMNS = List.of(new Column("id", DataTypes.BIGINT), new Column("name", DataTypes.VARCHAR));

    @Property(tries = 25)
    void transactionsMatchAModel(@ForAll long seed)
    {
        Random random = new Random(seed);
        int rowGroupSize = 1 + random.nextInt(40);
        try (RootAllocator allocator = new RootAllocator();
                MemoryCatalog catalog = new MemoryCatalog(StorageOptions.memoryDefaults().withRowGroupSize(rowGroupSize))) {
            catalog.createTable(new TableSchema("t", COLUMNS));
            catalog.createIndex(new IndexDefinition("t_id", "t", List.of("id"), Optional.empty(), false));
            TreeMap<Long, String> committed = new TreeMap<>();
            long nextId = 0;
            for (int step = 0; step < 12; step++) {
                boolean explicit = random.nextBoolean();
                Transaction transaction = explicit ? catalog.beginTransaction() : null;
                Catalog target = explicit ? transaction : catalog;
                TreeMap<Long, String> working = new TreeMap<>(committed);
                int operations = explicit ? 1 + random.nextInt(4) : 1;
                for (int op = 0; op < operations; op++) {
                    Table table = target.getTable("t").orElseThrow();
                    switch (random.nextInt(4)) {
                        case 0 -> {
                            int count = random.nextInt(50);
                            List<List<Object>> rows = new ArrayList<>();
                            for (int i = 0; i < count; i++) {
                                rows.add(row(nextId, "r" + nextId));
                                working.put(nextId, "r" + nextId);
                                nextId++;
                            }
                            TestTables.insert(table, allocator, rows, 1 + random.nextInt(20));
                        }
                        case 1 -> {
                            int modulus = 2 + random.nextInt(5);
                            int remainder = random.nextInt(modulus);
                            TestTables.deleteWhere(table, allocator, row -> (Long) row.getFirst() % modulus == remainder);
                            working.keySet().removeIf(id -> id % modulus == remainder);
                        }
                        case 2 -> {
                            int modulus = 2 + random.nextInt(5);
                            String name = "u" + step + "." + op;
                            update(table, allocator, modulus, name);
                            working.replaceAll((id, value) -> id % modulus == 0 ? name : value);
                        }
                        default -> target.compact(Optional.of("t"));
                    }
                    assertEquals(expected(working), sorted(TestTables.readAll(table, allocator)));
                    assertEquals(working.size(), table.statistics().rowCount());
                }
                if (explicit) {
                    if (random.nextInt(3) == 0) {
                        transaction.rollback();
                    }
                    else {
                        transaction.commit();
                        committed = working;
                    }
                }
                else {
                    committed = working;
                }
                Table table = catalog.getTable("t").orElseThrow();
                assertEquals(expected(committed), sorted(TestTables.readAll(table, allocator)));
                if (nextId > 0) {
                    long low = random.nextLong(nextId);
                    long high = low + random.nextInt(30);
                    IndexLookup lookup = new IndexLookup("t_id", List.of(new ColumnPredicate.Range(0, low, true, high, false)));
                    List<List<Object>> found = sorted(TestTables.read(table, ScanSpec.allColumns(table.schema()).withIndex(lookup), allocator));
                    assertEquals(expected(new TreeMap<>(committed.subMap(low, true, high, false))), found);
                }
            }
            assertEquals(0, allocator.getAllocatedMemory());
        }
    }

    private static void update(Table table, RootAllocator allocator, int modulus, String name)
    {
        List<List<Object>> current = TestTables.readWithRowIds(table, allocator);
        long[] ids = new long[current.size()];
        int count = 0;
        List<List<Object>> replacement = new ArrayList<>();
        for (List<Object> row : current) {
            if ((Long) row.getFirst() % modulus == 0) {
                ids[count++] = (Long) row.getLast();
                replacement.add(row(row.getFirst(), name));
            }
        }
        try (TableWriter writer = table.newWriter(allocator)) {
            writer.delete(ids, count);
            try (ColumnBatch batch = TestTables.batch(allocator, COLUMNS, replacement)) {
                writer.append(batch);
            }
            writer.commit();
        }
    }

    private static List<List<Object>> expected(TreeMap<Long, String> rows)
    {
        List<List<Object>> result = new ArrayList<>();
        rows.forEach((id, name) -> result.add(row(id, name)));
        return result;
    }

    private static List<List<Object>> sorted(List<List<Object>> rows)
    {
        List<List<Object>> result = new ArrayList<>(rows);
        result.sort(Comparator.comparing(row -> (Long) row.getFirst()));
        return result;
    }
}
