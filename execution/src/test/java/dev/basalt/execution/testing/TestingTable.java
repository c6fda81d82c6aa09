package dev.basalt.execution.testing;

import dev.basalt.spi.batch.CloseableIterator;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.batch.ColumnBatchBuilder;
import dev.basalt.spi.batch.SelectionVector;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.ScanSpec;
import dev.basalt.spi.catalog.Table;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.catalog.TableStatistics;
import dev.basalt.spi.catalog.TableWriter;
import org.apache.arrow.memory.BufferAllocator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An in-memory table serving its rows in batches of {@code batchSize}. With {@code interleaveJunk}, every batch
 * has an extra junk row before each real row and a selection vector naming the real ones, so operators must honor
 * selections. A {@link dev.basalt.spi.catalog.ScanSplit} reads every count-th batch (batches stand in for row groups).
 */
public final class TestingTable
        implements Table
{
    private final TableSchema schema;
    private final List<Object[]> rows;
    private final int batchSize;
    private final boolean interleaveJunk;
    private volatile ScanSpec lastSpec;

    public TestingTable(TableSchema schema, List<Object[]> rows, int batchSize, boolean interleaveJunk)
    {
        this.schema = schema;
        this.rows = List.copyOf(rows);
        this.batchSize = batchSize;
        this.interleaveJunk = interleaveJunk;
    }

    public ScanSpec lastSpec()
    {
        return lastSpec;
    }

    @Override
    public TableSchema schema()
    {
        return schema;
    }

    @Override
    public TableStatistics statistics()
    {
        return new TableStatistics(rows.size(), List.of());
    }

    @Override
    public CloseableIterator<ColumnBatch> scan(ScanSpec spec, BufferAllocator allocator)
    {
        lastSpec = spec;
        List<Column> columns = new ArrayList<>();
        for (int ordinal : spec.columns()) {
            columns.add(schema.column(ordinal));
        }
        // with rowIds the row's position in the table is its id (stable: the rows never change)
        int valueColumns = columns.size();
        if (spec.rowIds()) {
            columns.add(new Column("$rowid", dev.basalt.spi.type.DataTypes.BIGINT));
        }
        return new CloseableIterator<>()
        {
            // each batch plays a row group: a split reads the batches whose ordinal it contains
            private int next = spec.split().index() * batchSize;

            @Override
            public boolean hasNext()
            {
                return next < rows.size();
            }

            @Override
            public ColumnBatch next()
            {
                int end = Math.min(rows.size(), next + batchSize);
                try (ColumnBatchBuilder builder = new ColumnBatchBuilder(allocator, columns)) {
                    int[] positions = new int[end - next];
                    for (int r = next; r < end; r++) {
                        Object[] row = rows.get(r);
                        Object[] projected = new Object[columns.size()];
                        for (int c = 0; c < valueColumns; c++) {
                            projected[c] = row[spec.columns().get(c)];
                        }
                        if (spec.rowIds()) {
                            projected[valueColumns] = (long) r;
                        }
                        if (interleaveJunk) {
                            builder.appendRow(junk(columns));
                        }
                        positions[r - next] = builder.rowCount();
                        builder.appendRow(projected);
                    }
                    next = end + (spec.split().count() - 1) * batchSize;
                    ColumnBatch batch = builder.build();
                    if (interleaveJunk) {
                        return batch.withSelection(new SelectionVector(positions, positions.length));
                    }
                    return batch;
                }
            }

            @Override
            public void close() {}
        };
    }

    private static Object[] junk(List<Column> columns)
    {
        Object[] values = new Object[columns.size()];
        Arrays.fill(values, null);
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (columns.get(i).type()) {
                case dev.basalt.spi.type.BigintType t -> Long.MAX_VALUE;
                case dev.basalt.spi.type.IntegerType t -> Integer.MIN_VALUE;
                case dev.basalt.spi.type.DoubleType t -> Double.NaN;
                case dev.basalt.spi.type.VarcharType t -> "junk";
                default -> null;
            };
        }
        return values;
    }

    @Override
    public TableWriter newWriter(BufferAllocator allocator)
    {
        throw new UnsupportedOperationException();
    }
}
