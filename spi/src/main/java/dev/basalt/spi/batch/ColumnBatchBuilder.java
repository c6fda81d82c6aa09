package dev.basalt.spi.batch;

import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.value.Values;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Builds a {@link ColumnBatch} row by row from Java values (see {@link Values} for the accepted objects).
 * For tests, literals, small results and loaders that are not on a hot path.
 */
public final class ColumnBatchBuilder implements AutoCloseable
{
    private final List<DataType> types;
    private final List<FieldVector> vectors;
    private int rows;
    private boolean built;

    public ColumnBatchBuilder(BufferAllocator allocator, List<Column> columns)
    {
        requireNonNull(allocator, "allocator is null");
        this.types = new ArrayList<>();
        this.vectors = new ArrayList<>();
        try {
            for (Column column : columns) {
                types.add(column.type());
                FieldVector vector = (FieldVector) column.type().toField(column.name(), true).createVector(allocator);
                vectors.add(vector);
                vector.allocateNew();
            }
        }
        catch (RuntimeException e) {
            // the caller never gets the builder to close: free what was allocated (an allocator limit hit mid-way)
            for (FieldVector vector : vectors) {
                vector.close();
            }
            throw e;
        }
    }

    public ColumnBatchBuilder appendRow(Object... values)
    {
        if (values.length != types.size()) {
            throw new IllegalArgumentException("expected " + types.size() + " values, got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            Values.write(vectors.get(i), types.get(i), rows, values[i]);
        }
        rows++;
        return this;
    }

    public ColumnBatchBuilder appendRow(List<?> values)
    {
        return appendRow(values.toArray());
    }

    public int rowCount()
    {
        return rows;
    }

    /** Hands the vectors to a new batch; the builder is spent afterwards. */
    public ColumnBatch build()
    {
        if (built) {
            throw new IllegalStateException("already built");
        }
        built = true;
        for (FieldVector vector : vectors) {
            vector.setValueCount(rows);
        }
        return ColumnBatch.of(vectors, rows);
    }

    @Override
    public void close()
    {
        if (!built) {
            built = true;
            for (FieldVector vector : vectors) {
                vector.close();
            }
        }
    }
}
