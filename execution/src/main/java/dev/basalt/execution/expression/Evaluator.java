package dev.basalt.execution.expression;

import dev.basalt.execution.vector.Bitmaps;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.type.BooleanType;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.VarcharType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.util.TransferPair;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A compiled scalar expression that works on whole batches: one virtual call per batch and node, typed loops
 * inside. Built once per operator by {@link ExpressionCompiler}.
 *
 * <p>Rows: {@code rows} lists ascending physical positions of the input batch to evaluate (null = positions
 * {@code 0..count-1}). The result vector has the input's physical row count and holds the value at every visited
 * position; other positions hold garbage. The vector belongs to this evaluator (or to the input, for a column
 * reference) and stays valid until the next call; {@link #takeResult} hands it over.
 */
public abstract class Evaluator
        implements AutoCloseable
{
    private final DataType type;
    private final BufferAllocator allocator;
    private final List<Evaluator> children = new ArrayList<>();
    private FieldVector result;

    protected Evaluator(DataType type, BufferAllocator allocator)
    {
        this.type = requireNonNull(type, "type is null");
        this.allocator = requireNonNull(allocator, "allocator is null");
    }

    public final DataType type()
    {
        return type;
    }

    protected final BufferAllocator allocator()
    {
        return allocator;
    }

    /** Registers a child so that {@link #close} closes it. Returns it for chaining. */
    protected final <T extends Evaluator> T child(T evaluator)
    {
        children.add(evaluator);
        return evaluator;
    }

    public abstract FieldVector evaluate(ColumnBatch input, int[] rows, int count);

    /**
     * For BOOLEAN expressions: writes the visited positions whose value is TRUE (not FALSE, not NULL) to
     * {@code out}, ascending, and returns how many. {@code out} may be the same array as {@code rows}.
     */
    public int filter(ColumnBatch input, int[] rows, int count, int[] out)
    {
        if (!(type instanceof BooleanType)) {
            throw new IllegalStateException("filter on a " + type + " expression");
        }
        FieldVector vector = evaluate(input, rows, count);
        MemorySegment data = Vectors.data(vector);
        MemorySegment validity = Vectors.validity(vector);
        int n = 0;
        for (int i = 0; i < count; i++) {
            int position = rows == null ? i : rows[i];
            boolean keep = Bitmaps.get(data, position) && Bitmaps.isSet(validity, position);
            out[n] = position;
            n += keep ? 1 : 0;
        }
        return n;
    }

    /** True when this evaluator's value does not depend on the input (a constant). */
    public boolean isConstant()
    {
        return false;
    }

    /**
     * This node's reusable result vector, ready for {@code physicalCount} fixed-width values (contents
     * unspecified) or, for VARCHAR, empty with room for {@code physicalCount} values.
     */
    protected final FieldVector result(int physicalCount)
    {
        if (result == null) {
            result = Vectors.create(type, "expr", allocator);
        }
        if (Vectors.isVariableWidth(type)) {
            BaseVariableWidthVector variable = (BaseVariableWidthVector) result;
            if (variable.getValueCapacity() < physicalCount || variable.getByteCapacity() == 0) {
                variable.clear();
                variable.allocateNew(Math.max(16L * physicalCount, 1024), Math.max(physicalCount, 64));
            }
            else {
                variable.reset();
            }
            return result;
        }
        if (Vectors.width(type) != Vectors.NONE) {
            Vectors.prepareFixed(result, physicalCount);
        }
        else {
            result.setValueCount(physicalCount);
        }
        return result;
    }

    /**
     * Moves the vector {@code evaluated} (just returned by {@link #evaluate}) into a new vector of the given
     * allocator that the caller owns. When it is this node's own result, its buffers move without a copy.
     */
    public final FieldVector takeResult(FieldVector evaluated, BufferAllocator target)
    {
        if (evaluated != result) {
            throw new IllegalStateException("takeResult of a vector this evaluator does not own");
        }
        TransferPair transfer = evaluated.getTransferPair(target);
        transfer.transfer();
        resultTaken();
        return (FieldVector) transfer.getTo();
    }

    /** Called after the result vector's buffers moved away; subclasses caching its contents forget them. */
    protected void resultTaken() {}

    /** True when {@code evaluated} is this node's own result vector (false: it belongs to the input batch or a child). */
    public final boolean owns(FieldVector evaluated)
    {
        return evaluated == result;
    }

    @Override
    public void close()
    {
        for (Evaluator child : children) {
            child.close();
        }
        if (result != null) {
            result.close();
            result = null;
        }
    }
}
