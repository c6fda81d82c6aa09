package dev.basalt.jdbc;

import dev.basalt.engine.QueryResult;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.type.BigintType;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DoubleType;
import dev.basalt.spi.type.IntegerType;
import dev.basalt.spi.type.SmallintType;
import dev.basalt.spi.value.Values;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;

import java.sql.SQLException;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The rows of a query, streamed: holds one {@link ColumnBatch} of the {@link QueryResult} at a time and reads
 * values straight from its Arrow vectors. The query's memory is released when the rows run out or on close.
 */
final class BasaltResultSet extends AbstractResultSet
{
    private final Object lock;
    private final BasaltStatement owner;
    private final QueryResult result;
    private final DataType[] types;
    private ColumnBatch batch;
    private int rowInBatch = -1;
    private int position;
    private boolean exhausted;

    /**
     * @param lock the connection's lock, held while calling into the engine
     * @param owner the statement that ran the query, or null
     */
    BasaltResultSet(Object lock, BasaltStatement owner, QueryResult result, long maxRows)
    {
        super(result.columns(), owner, maxRows);
        this.lock = requireNonNull(lock, "lock is null");
        this.owner = owner;
        this.result = result;
        List<dev.basalt.spi.catalog.Column> columns = result.columns();
        this.types = new DataType[columns.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = columns.get(i).type();
        }
    }

    @Override
    protected boolean advance() throws SQLException
    {
        if (!ensureRow()) {
            return false;
        }
        rowInBatch++;
        position = batch.position(rowInBatch);
        return true;
    }

    @Override
    protected boolean hasFirstRow() throws SQLException
    {
        return ensureRow();
    }

    @Override
    protected Object read(int index) throws SQLException
    {
        try {
            return Values.read(vector(index), types[index], position);
        }
        catch (RuntimeException e) {
            throw SqlExceptions.from(e);
        }
    }

    // Fast paths for the common numeric getters: no boxing through Values.read.

    @Override
    public int getInt(int columnIndex) throws SQLException
    {
        checkRow(columnIndex);
        DataType type = types[columnIndex - 1];
        if (type instanceof IntegerType || type instanceof SmallintType) {
            FieldVector vector = vector(columnIndex - 1);
            boolean isNull = vector.isNull(position);
            setWasNull(isNull);
            if (isNull) {
                return 0;
            }
            return type instanceof IntegerType ? ((IntVector) vector).get(position) : ((SmallIntVector) vector).get(position);
        }
        return super.getInt(columnIndex);
    }

    @Override
    public long getLong(int columnIndex) throws SQLException
    {
        checkRow(columnIndex);
        DataType type = types[columnIndex - 1];
        if (type instanceof BigintType || type instanceof IntegerType) {
            FieldVector vector = vector(columnIndex - 1);
            boolean isNull = vector.isNull(position);
            setWasNull(isNull);
            if (isNull) {
                return 0;
            }
            return type instanceof BigintType ? ((BigIntVector) vector).get(position) : ((IntVector) vector).get(position);
        }
        return super.getLong(columnIndex);
    }

    @Override
    public double getDouble(int columnIndex) throws SQLException
    {
        checkRow(columnIndex);
        if (types[columnIndex - 1] instanceof DoubleType) {
            Float8Vector vector = (Float8Vector) vector(columnIndex - 1);
            boolean isNull = vector.isNull(position);
            setWasNull(isNull);
            return isNull ? 0 : vector.get(position);
        }
        return super.getDouble(columnIndex);
    }

    @Override
    protected void release() throws SQLException
    {
        closeBatch();
        synchronized (lock) {
            try {
                result.close();
            }
            catch (RuntimeException | Error e) {
                throw SqlExceptions.from(e);
            }
        }
    }

    @Override
    protected void afterClose() throws SQLException
    {
        if (owner != null) {
            owner.resultSetClosed(this);
        }
    }

    private FieldVector vector(int index) throws SQLException
    {
        if (index >= batch.columnCount()) {
            throw SqlExceptions.create("internal error: the engine returned a batch with " + batch.columnCount() + " columns for " + types.length + " result columns", "XX000");
        }
        return batch.column(index);
    }

    /** Makes sure the current batch has a row after the current one, fetching batches as needed; false at the end. */
    private boolean ensureRow() throws SQLException
    {
        while (batch == null || rowInBatch + 1 >= batch.rowCount()) {
            closeBatch();
            if (exhausted) {
                return false;
            }
            ColumnBatch next = fetch();
            if (next == null) {
                exhausted = true;
                return false;
            }
            batch = next;
            rowInBatch = -1;
        }
        return true;
    }

    private ColumnBatch fetch() throws SQLException
    {
        synchronized (lock) {
            try {
                return result.nextBatch();
            }
            catch (RuntimeException | Error e) {
                throw SqlExceptions.from(e);
            }
        }
    }

    private void closeBatch()
    {
        if (batch != null) {
            ColumnBatch old = batch;
            batch = null;
            old.close();
        }
    }
}
