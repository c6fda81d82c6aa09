package dev.basalt.execution.vector;

import dev.basalt.spi.batch.ColumnBatch;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.util.TransferPair;

import java.util.ArrayList;
import java.util.List;

/** Hands a batch's buffers over to another allocator, so the batch outlives the allocator that produced it. */
public final class BatchTransfer
{
    private BatchTransfer() {}

    /**
     * The batch with its buffers accounted to {@code allocator}; takes ownership of {@code batch} (closed on failure).
     * Vectors already in {@code allocator} are kept as they are.
     */
    public static ColumnBatch moveTo(ColumnBatch batch, BufferAllocator allocator)
    {
        List<FieldVector> moved = new ArrayList<>(batch.columnCount());
        try {
            for (FieldVector vector : batch.columns()) {
                if (vector.getAllocator() == allocator) {
                    moved.add(vector);
                    continue;
                }
                TransferPair transfer = vector.getTransferPair(vector.getField(), allocator);
                transfer.transfer();
                moved.add((FieldVector) transfer.getTo());
            }
        }
        catch (RuntimeException e) {
            moved.forEach(FieldVector::close);
            batch.close();
            throw e;
        }
        return ColumnBatch.of(moved, batch.physicalRowCount(), batch.selection());
    }
}
