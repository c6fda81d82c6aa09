package dev.basalt.execution.vector;

import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.type.DataType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Rows compacted into one growing vector per column: what pipeline breakers (hash build, sort, aggregation keys)
 * keep. Row i of the store is position i of every vector.
 */
public final class ColumnStore
        implements AutoCloseable
{
    private final List<DataType> types;
    private final List<FieldVector> vectors;
    private int rowCount;
    /** Per column: validity as {@link Vectors#validity} returns it, computed once per store size (it counts NULLs). */
    private MemorySegment[] validity;
    private boolean[] validityKnown;

    public ColumnStore(List<DataType> types, BufferAllocator allocator)
    {
        this.types = List.copyOf(requireNonNull(types, "types is null"));
        this.vectors = new ArrayList<>(types.size());
        this.validity = new MemorySegment[types.size()];
        this.validityKnown = new boolean[types.size()];
        for (int i = 0; i < types.size(); i++) {
            vectors.add(Vectors.create(types.get(i), "c" + i, allocator));
        }
    }

    public List<DataType> types()
    {
        return types;
    }

    public int rowCount()
    {
        return rowCount;
    }

    public FieldVector vector(int column)
    {
        return vectors.get(column);
    }

    public int columnCount()
    {
        return vectors.size();
    }

    /** Appends the batch's live rows (the caller keeps the batch). */
    public void append(ColumnBatch batch)
    {
        append(batch.columns(), batch.hasSelection() ? batch.selection().positions() : null, batch.rowCount());
    }

    /** Appends rows {@code positions[0..count)} (null = 0..count-1) of the given columns. */
    public void append(List<FieldVector> columns, int[] positions, int count)
    {
        for (int c = 0; c < vectors.size(); c++) {
            VectorCopier.copy(types.get(c), columns.get(c), positions, count, vectors.get(c), rowCount);
        }
        rowCount += count;
        for (FieldVector vector : vectors) {
            vector.setValueCount(rowCount);
        }
        Arrays.fill(validityKnown, false);
    }

    /** The column's validity bitmap, or null when it has no NULLs; cached until the next append. */
    public MemorySegment validity(int column)
    {
        if (!validityKnown[column]) {
            validity[column] = Vectors.validity(vectors.get(column));
            validityKnown[column] = true;
        }
        return validity[column];
    }

    /** Copies store rows {@code rows[0..count)} into new vectors (the caller owns them). */
    public List<FieldVector> gather(int[] rows, int count, List<String> names, BufferAllocator allocator)
    {
        List<FieldVector> out = new ArrayList<>(vectors.size());
        try {
            for (int c = 0; c < vectors.size(); c++) {
                FieldVector target = Vectors.create(types.get(c), names == null ? "c" + c : names.get(c), allocator);
                out.add(target);
                VectorCopier.copy(types.get(c), vectors.get(c), validity(c), rows, count, target, 0);
                target.setValueCount(count);
            }
        }
        catch (RuntimeException e) {
            out.forEach(FieldVector::close);
            throw e;
        }
        return out;
    }

    /** Bytes held by the store's buffers. */
    public long bytes()
    {
        long bytes = 0;
        for (FieldVector vector : vectors) {
            bytes += vector.getBufferSize();
        }
        return bytes;
    }

    @Override
    public void close()
    {
        for (FieldVector vector : vectors) {
            vector.close();
        }
        rowCount = 0;
    }
}
