package dev.basalt.storage;

import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.IndexDefinition;
import dev.basalt.spi.catalog.Table;
import dev.basalt.spi.catalog.TableChange;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.catalog.TableWriter;
import dev.basalt.spi.catalog.Transaction;
import dev.basalt.spi.type.DataTypes;
import org.apache.arrow.memory.BufferAllocator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import static dev.basalt.storage.TestTables.row;

/**
 * The numbered transactions of the crash test, and a model of what the database holds after transactions
 * 1..n. Transaction n is a pure function of n and the state before it, so the parent can replay it exactly.
 * Table {@code data}: id BIGINT, txn BIGINT, v VARCHAR, plus columns c&lt;k&gt; INTEGER added and dropped by ALTER.
 * Table {@code marker}: one row (n) per committed transaction n. Transaction 7 creates a unique index on data(id).
 */
final class CrashWorkload
{
    private CrashWorkload() {}

    /** The model: rows by id (values in column order) and the column names. */
    static final class Model
    {
        final TreeMap<Long, List<Object>> rows = new TreeMap<>();
        final List<String> columns = new ArrayList<>(List.of("id", "txn", "v"));

        void apply(long n)
        {
            if (n == 1) {
                return;
            }
            alter(n, this);
            if (n % 3 == 0) {
                rows.values().removeIf(row -> deleted(n, (Long) row.getFirst()));
            }
            if (n % 4 == 1) {
                for (List<Object> row : rows.values()) {
                    if (updated(n, (Long) row.getFirst())) {
                        row.set(1, n);
                        row.set(2, "u" + n);
                    }
                }
            }
            for (List<Object> row : inserted(n, columns.size())) {
                rows.put((Long) row.getFirst(), row);
            }
        }
    }

    static boolean deleted(long n, long id)
    {
        return id % 7 == n % 7;
    }

    static boolean updated(long n, long id)
    {
        return id % 5 == n % 5;
    }

    static List<List<Object>> inserted(long n, int columnCount)
    {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < n % 5 + 1; i++) {
            List<Object> row = new ArrayList<>(List.of(n * 10 + i, n, "i" + n));
            while (row.size() < columnCount) {
                row.add((int) n);
            }
            rows.add(row);
        }
        return rows;
    }

    /** Schema changes of transaction n: on the model when {@code model} is given, else on the transaction. */
    private static void alter(long n, Model model)
    {
        if (n % 20 == 0) {
            model.columns.add("c" + n);
            for (List<Object> row : model.rows.values()) {
                row.add((int) n);
            }
        }
        if (n % 20 == 10 && model.columns.contains("c" + (n - 10))) {
            int index = model.columns.indexOf("c" + (n - 10));
            model.columns.remove(index);
            for (List<Object> row : model.rows.values()) {
                row.remove(index);
            }
        }
    }

    /** Runs transaction n on the database (not committed). */
    static void run(Transaction transaction, long n, BufferAllocator allocator)
    {
        if (n == 1) {
            transaction.createTable(new TableSchema("data", List.of(new Column("id", DataTypes.BIGINT), new Column("txn", DataTypes.BIGINT), new Column("v", DataTypes.VARCHAR))));
            transaction.createTable(new TableSchema("marker", List.of(new Column("n", DataTypes.BIGINT))));
        }
        else {
            Table data = transaction.getTable("data").orElseThrow();
            if (n % 20 == 0) {
                transaction.alterTable("data", new TableChange.AddColumn(new Column("c" + n, DataTypes.INTEGER), (int) n));
            }
            if (n % 20 == 10 && data.schema().indexOf("c" + (n - 10)).isPresent()) {
                transaction.alterTable("data", new TableChange.DropColumn("c" + (n - 10)));
            }
            data = transaction.getTable("data").orElseThrow();
            TableSchema schema = data.schema();
            List<List<Object>> current = TestTables.readWithRowIds(data, allocator);
            long[] ids = new long[current.size()];
            int count = 0;
            List<List<Object>> appended = new ArrayList<>();
            for (List<Object> row : current) {
                long id = (Long) row.getFirst();
                if (n % 3 == 0 && deleted(n, id)) {
                    ids[count++] = (Long) row.getLast();
                }
                else if (n % 4 == 1 && updated(n, id)) {
                    ids[count++] = (Long) row.getLast();
                    List<Object> updated = new ArrayList<>(row.subList(0, row.size() - 1));
                    updated.set(1, n);
                    updated.set(2, "u" + n);
                    appended.add(updated);
                }
            }
            appended.addAll(inserted(n, schema.columnCount()));
            try (TableWriter writer = data.newWriter(allocator)) {
                writer.delete(ids, count);
                try (ColumnBatch batch = TestTables.batch(allocator, schema.columns(), appended)) {
                    writer.append(batch);
                }
                writer.commit();
            }
            if (n % 15 == 0) {
                transaction.compact(Optional.of("data"));
            }
            if (n == 7) {
                transaction.createIndex(new IndexDefinition("data_id", "data", List.of("id"), Optional.empty(), true));
            }
        }
        Table marker = transaction.getTable("marker").orElseThrow();
        TestTables.insert(marker, allocator, List.of(row(n)));
    }
}
