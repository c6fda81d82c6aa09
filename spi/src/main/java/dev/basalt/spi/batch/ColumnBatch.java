package dev.basalt.spi.batch;

import org.apache.arrow.vector.FieldVector;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A set of equally long Arrow column vectors (a few thousand rows) plus an optional {@link SelectionVector}
 * naming the live rows. This is the unit of data flowing between operators, out of storage and to clients.
 *
 * <p>Ownership: a batch owns its vectors. Handing a batch to a consumer hands over ownership; the consumer
 * closes it (or passes it on). {@link #withSelection} and {@link #withColumns} move the vectors into the
 * new batch, so the old instance must not be closed afterwards.
 */
public final class ColumnBatch implements AutoCloseable
{
    /** Rows per batch produced by scans and operators: big enough to amortize per-batch work, small enough for cache. */
    public static final int DEFAULT_ROW_COUNT = 4096;

    private final List<FieldVector> columns;
    private final int physicalRowCount;
    private final SelectionVector selection;
    private boolean closed;

    private ColumnBatch(List<FieldVector> columns, int physicalRowCount, SelectionVector selection)
    {
        this.columns = List.copyOf(requireNonNull(columns, "columns is null"));
        this.physicalRowCount = physicalRowCount;
        this.selection = selection;
        if (physicalRowCount < 0) {
            throw new IllegalArgumentException("row count must be >= 0: " + physicalRowCount);
        }
        for (FieldVector column : this.columns) {
            if (column.getValueCount() < physicalRowCount) {
                throw new IllegalArgumentException("column " + column.getName() + " has " + column.getValueCount() + " values, batch has " + physicalRowCount);
            }
        }
    }

    /** A batch whose rows are all live. Sets nothing on the vectors: their value counts must already be set. */
    public static ColumnBatch of(List<FieldVector> columns, int rowCount)
    {
        return new ColumnBatch(columns, rowCount, null);
    }

    public static ColumnBatch of(List<FieldVector> columns, int rowCount, SelectionVector selection)
    {
        return new ColumnBatch(columns, rowCount, selection);
    }

    /** Number of live rows: the selection's size, or all physical rows. */
    public int rowCount()
    {
        return selection == null ? physicalRowCount : selection.size();
    }

    /** Number of values in each vector, live or not. */
    public int physicalRowCount()
    {
        return physicalRowCount;
    }

    public int columnCount()
    {
        return columns.size();
    }

    public FieldVector column(int index)
    {
        return columns.get(index);
    }

    public List<FieldVector> columns()
    {
        return columns;
    }

    /** The live positions, or null when every physical row is live. */
    public SelectionVector selection()
    {
        return selection;
    }

    public boolean hasSelection()
    {
        return selection != null;
    }

    /** Physical position of the i-th live row. */
    public int position(int row)
    {
        return selection == null ? row : selection.get(row);
    }

    /** The same vectors with a new selection (positions are physical). Ownership moves to the result. */
    public ColumnBatch withSelection(SelectionVector newSelection)
    {
        return new ColumnBatch(columns, physicalRowCount, newSelection);
    }

    /** Other vectors of the same physical length, keeping the selection. Ownership of the given vectors moves to the result. */
    public ColumnBatch withColumns(List<FieldVector> newColumns)
    {
        return new ColumnBatch(newColumns, physicalRowCount, selection);
    }

    /** Bytes held by the vectors' buffers, for memory accounting. */
    public long retainedBytes()
    {
        long bytes = 0;
        for (FieldVector column : columns) {
            bytes += column.getBufferSize();
        }
        return bytes;
    }

    public boolean isClosed()
    {
        return closed;
    }

    @Override
    public void close()
    {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException failure = null;
        for (FieldVector column : columns) {
            try {
                column.close();
            }
            catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString()
    {
        List<String> names = new ArrayList<>();
        for (FieldVector column : columns) {
            names.add(column.getName());
        }
        return "ColumnBatch{rows=" + rowCount() + ", physical=" + physicalRowCount + ", columns=" + names + "}";
    }
}
