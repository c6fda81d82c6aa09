package dev.basalt.benchmarks.tpch;

import dev.basalt.engine.Database;
import dev.basalt.engine.QueryResult;
import dev.basalt.engine.Session;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.value.Values;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The Basalt side of the comparison: an embedded database and one session. */
final class BasaltEngine implements AutoCloseable
{
    private final Database database;
    private final Session session;

    private BasaltEngine(Database database)
    {
        this.database = database;
        this.session = database.newSession();
    }

    /** In memory when {@code directory} is null. */
    static BasaltEngine open(Path directory)
    {
        return new BasaltEngine(directory == null ? Database.inMemory() : Database.open(directory));
    }

    void execute(String sql)
    {
        try (QueryResult result = session.execute(sql)) {
            drain(result, batch -> { });
        }
    }

    /** All rows of a query as Java values. */
    List<List<Object>> query(String sql)
    {
        List<List<Object>> rows = new ArrayList<>();
        try (QueryResult result = session.execute(sql)) {
            List<DataType> types = types(result.columns());
            drain(result, batch -> {
                for (int row = 0; row < batch.rowCount(); row++) {
                    int position = batch.position(row);
                    List<Object> values = new ArrayList<>(types.size());
                    for (int c = 0; c < types.size(); c++) {
                        values.add(Values.read(batch.column(c), types.get(c), position));
                    }
                    rows.add(values);
                }
            });
        }
        return rows;
    }

    /** Streams the batches of a query to {@code consumer} (which must not keep them: they are closed after). */
    void scan(String sql, Consumer<ColumnBatch> consumer)
    {
        try (QueryResult result = session.execute(sql)) {
            drain(result, consumer);
        }
    }

    List<TableSchema> tables()
    {
        return session.listTables();
    }

    private static void drain(QueryResult result, Consumer<ColumnBatch> consumer)
    {
        if (!result.isQuery()) {
            return;
        }
        ColumnBatch batch;
        while ((batch = result.nextBatch()) != null) {
            try (ColumnBatch current = batch) {
                consumer.accept(current);
            }
        }
    }

    private static List<DataType> types(List<Column> columns)
    {
        List<DataType> types = new ArrayList<>(columns.size());
        for (Column column : columns) {
            types.add(column.type());
        }
        return types;
    }

    @Override
    public void close()
    {
        try {
            session.close();
        }
        finally {
            database.close();
        }
    }
}
