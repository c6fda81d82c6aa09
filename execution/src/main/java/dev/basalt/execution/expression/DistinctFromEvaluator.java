package dev.basalt.execution.expression;

import dev.basalt.execution.kernels.CompareOp;
import dev.basalt.execution.vector.Bitmaps;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.spi.batch.ColumnBatch;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

import java.lang.foreign.MemorySegment;

/** {@code a IS [NOT] DISTINCT FROM b}: equality where two NULLs are equal; never NULL. */
public final class DistinctFromEvaluator
        extends PredicateEvaluator
{
    private final Evaluator left;
    private final Evaluator right;
    private final boolean distinct;
    private final ColumnComparison equal;
    private int[] equalRows = new int[0];
    private boolean[] marks = new boolean[0];

    public DistinctFromEvaluator(Evaluator left, Evaluator right, boolean distinct, BufferAllocator allocator)
    {
        super(allocator);
        this.left = child(left);
        this.right = child(right);
        this.distinct = distinct;
        this.equal = new ColumnComparison(CompareOp.EQUAL, left.type(), right.type());
    }

    @Override
    public int filter(ColumnBatch input, int[] rows, int count, int[] out)
    {
        int physical = input.physicalRowCount();
        if (equalRows.length < count) {
            equalRows = new int[Math.max(count, 64)];
        }
        if (marks.length < physical) {
            marks = new boolean[Math.max(physical, 64)];
        }
        FieldVector a = left.evaluate(input, rows, count);
        FieldVector b = right.evaluate(input, rows, count);
        int equalCount = equal.select(a, b, rows, count, equalRows);
        for (int i = 0; i < equalCount; i++) {
            marks[equalRows[i]] = true;
        }
        MemorySegment aValidity = Vectors.validity(a);
        MemorySegment bValidity = Vectors.validity(b);
        int n = 0;
        for (int i = 0; i < count; i++) {
            int p = rows == null ? i : rows[i];
            boolean notDistinct = marks[p] || !Bitmaps.isSet(aValidity, p) && !Bitmaps.isSet(bValidity, p);
            marks[p] = false;
            out[n] = p;
            n += notDistinct != distinct ? 1 : 0;
        }
        return n;
    }

    @Override
    protected void writeValidity(ColumnBatch input, int[] rows, int count, MemorySegment validity)
    {
        Bitmaps.setAll(validity, input.physicalRowCount());
    }
}
