package dev.basalt.storage;

import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.batch.ColumnBatchBuilder;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.ScanSpec;
import dev.basalt.spi.catalog.Table;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.catalog.TableWriter;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.value.Values;
import org.apache.arrow.memory.BufferAllocator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds batches from Java values and reads scans back into rows. */
public final class TestTables
{
    private TestTables() {}

    public static ColumnBatch batch(BufferAllocator allocator, List<Column> columns, List<List<Object>> rows)
    {
        try (ColumnBatchBuilder builder = new ColumnBatchBuilder(allocator, columns)) {
            for (List<Object> row : rows) {
                builder.appendRow(row.toArray());
            }
            return builder.build();
        }
    }

    /** Appends rows in batches of {@code batchSize} with one writer and commits. */
    public static long insert(Table table, BufferAllocator allocator, List<List<Object>> rows, int batchSize)
    {
        try (TableWriter writer = table.newWriter(allocator)) {
            for (int start = 0; start < rows.size(); start += batchSize) {
                try (ColumnBatch batch = batch(allocator, table.schema().columns(), rows.subList(start, Math.min(rows.size(), start + batchSize)))) {
                    writer.append(batch);
                }
            }
            return writer.commit();
        }
    }

    public static long insert(Table table, BufferAllocator allocator, List<List<Object>> rows)
    {
        return insert(table, allocator, rows, 1000);
    }

    public static List<List<Object>> readAll(Table table, BufferAllocator allocator)
    {
        return read(table, ScanSpec.allColumns(table.schema()), allocator);
    }

    public static List<List<Object>> read(Table table, ScanSpec spec, BufferAllocator allocator)
    {
        TableSchema schema = table.schema();
        List<DataType> types = new ArrayList<>();
        for (int column : spec.columns()) {
            types.add(schema.column(column).type());
        }
        List<List<Object>> rows = new ArrayList<>();
        try (dev.basalt.spi.batch.CloseableIterator<ColumnBatch> scan = table.scan(spec, allocator)) {
            while (scan.hasNext()) {
                try (ColumnBatch batch = scan.next()) {
                    if (batch.rowCount() > ColumnBatch.DEFAULT_ROW_COUNT) {
                        throw new AssertionError("batch of " + batch.rowCount() + " rows");
                    }
                    for (int row = 0; row < batch.rowCount(); row++) {
                        Object[] values = new Object[types.size()];
                        for (int column = 0; column < values.length; column++) {
                            values[column] = Values.read(batch.column(column), types.get(column), batch.position(row));
                        }
                        rows.add(Arrays.asList(values));
                    }
                }
            }
        }
        return rows;
    }

    /** Every row with its row id appended as the last value. */
    public static List<List<Object>> readWithRowIds(Table table, BufferAllocator allocator)
    {
        TableSchema schema = table.schema();
        ScanSpec spec = ScanSpec.allColumns(schema).withRowIds();
        List<List<Object>> rows = new ArrayList<>();
        try (dev.basalt.spi.batch.CloseableIterator<ColumnBatch> scan = table.scan(spec, allocator)) {
            while (scan.hasNext()) {
                try (ColumnBatch batch = scan.next()) {
                    for (int row = 0; row < batch.rowCount(); row++) {
                        Object[] values = new Object[schema.columnCount() + 1];
                        for (int column = 0; column < schema.columnCount(); column++) {
                            values[column] = Values.read(batch.column(column), schema.column(column).type(), batch.position(row));
                        }
                        values[schema.columnCount()] = Values.read(batch.column(schema.columnCount()), dev.basalt.spi.type.DataTypes.BIGINT, batch.position(row));
                        rows.add(Arrays.asList(values));
                    }
                }
            }
        }
        return rows;
    }

    /** Deletes (in one writer, committed) every row whose first value satisfies the test; returns how many. */
    public static int deleteWhere(Table table, BufferAllocator allocator, java.util.function.Predicate<List<Object>> test)
    {
        List<List<Object>> rows = readWithRowIds(table, allocator);
        long[] ids = new long[rows.size()];
        int count = 0;
        for (List<Object> row : rows) {
            if (test.test(row)) {
                ids[count++] = (Long) row.getLast();
            }
        }
        try (TableWriter writer = table.newWriter(allocator)) {
            writer.delete(ids, count);
            writer.commit();
        }
        return count;
    }

    /** Rows without their trailing row id. */
    public static List<List<Object>> withoutRowIds(List<List<Object>> rows)
    {
        List<List<Object>> result = new ArrayList<>();
        for (List<Object> row : rows) {
            result.add(row.subList(0, row.size() - 1));
        }
        return result;
    }

    public static List<Object> row(Object... values)
    {
        return Arrays.asList(values);
    }
}
