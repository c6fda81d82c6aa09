package dev.basalt.engine.statement;

import dev.basalt.spi.batch.ColumnBatch;
import org.apache.arrow.vector.BigIntVector;

import java.util.Arrays;

/** A growable list of row ids read from the row-id column of DELETE / UPDATE plans. */
final class RowIds
{
    private long[] ids = new long[64];
    private int count;

    /** Appends the ids of the live rows of a batch's BIGINT column {@code column}. */
    void addAll(ColumnBatch batch, int column)
    {
        BigIntVector vector = (BigIntVector) batch.column(column);
        int rows = batch.rowCount();
        if (count + rows > ids.length) {
            ids = Arrays.copyOf(ids, Math.max(ids.length * 2, count + rows));
        }
        for (int row = 0; row < rows; row++) {
            ids[count++] = vector.get(batch.position(row));
        }
    }

    long[] ids()
    {
        return ids;
    }

    int count()
    {
        return count;
    }
}
