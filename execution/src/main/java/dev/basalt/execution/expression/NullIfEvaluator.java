package dev.basalt.execution.expression;

import dev.basalt.execution.kernels.CompareOp;
import dev.basalt.execution.vector.VectorCopier;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.type.VarcharType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/** NULLIF(a, b): NULL where a = b (both non-NULL), else a. */
public final class NullIfEvaluator
        extends Evaluator
{
    private final Evaluator left;
    private final Evaluator right;
    private final ColumnComparison equal;
    private final FieldVector[] sources = new FieldVector[1];
    private int[] equalRows = new int[0];
    private int[] sourceByPosition = new int[0];

    public NullIfEvaluator(Evaluator left, Evaluator right, BufferAllocator allocator)
    {
        super(left.type(), allocator);
        this.left = child(left);
        this.right = child(right);
        this.equal = new ColumnComparison(CompareOp.EQUAL, left.type(), right.type());
    }

    @Override
    public FieldVector evaluate(ColumnBatch input, int[] rows, int count)
    {
        int physical = input.physicalRowCount();
        if (equalRows.length < count) {
            equalRows = new int[Math.max(count, 64)];
        }
        if (sourceByPosition.length < physical) {
            sourceByPosition = new int[Math.max(physical, 64)];
        }
        FieldVector a = left.evaluate(input, rows, count);
        FieldVector b = right.evaluate(input, rows, count);
        int n = equal.select(a, b, rows, count, equalRows);
        for (int i = 0; i < count; i++) {
            sourceByPosition[rows == null ? i : rows[i]] = 0;
        }
        for (int i = 0; i < n; i++) {
            sourceByPosition[equalRows[i]] = -1;
        }
        sources[0] = a;
        FieldVector result = result(physical);
        VectorCopier.merge(type(), sources, sourceByPosition, rows, count, result);
        if (Vectors.isVariableWidth(type())) {
            result.setValueCount(physical);
        }
        sources[0] = null;
        return result;
    }
}
