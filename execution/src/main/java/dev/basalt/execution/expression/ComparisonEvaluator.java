package dev.basalt.execution.expression;

import dev.basalt.execution.kernels.CompareOp;
import dev.basalt.spi.batch.ColumnBatch;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

import java.lang.foreign.MemorySegment;

/** {@code left op right} for =, &lt;&gt;, &lt;, &lt;=, &gt;, &gt;=; NULL when either side is NULL. */
public final class ComparisonEvaluator
        extends PredicateEvaluator
{
    private final Evaluator left;
    private final Evaluator right;
    private final ColumnComparison columnComparison;
    private final ConstantComparison constantComparison;

    /** Compares two non-constant expressions. */
    public ComparisonEvaluator(CompareOp op, Evaluator left, Evaluator right, BufferAllocator allocator)
    {
        super(allocator);
        this.left = child(left);
        this.right = child(right);
        this.columnComparison = new ColumnComparison(op, left.type(), right.type());
        this.constantComparison = null;
    }

    /** Compares an expression with a non-NULL constant: {@code value op constant}. */
    public ComparisonEvaluator(CompareOp op, Evaluator value, ConstantEvaluator constant, BufferAllocator allocator)
    {
        super(allocator);
        this.left = child(value);
        this.right = child(constant);
        this.columnComparison = null;
        this.constantComparison = new ConstantComparison(op, value.type(), constant);
    }

    Evaluator left()
    {
        return left;
    }

    ConstantComparison constantComparison()
    {
        return constantComparison;
    }

    @Override
    public int filter(ColumnBatch input, int[] rows, int count, int[] out)
    {
        FieldVector value = left.evaluate(input, rows, count);
        if (constantComparison != null) {
            return constantComparison.select(value, rows, count, out);
        }
        return columnComparison.select(value, right.evaluate(input, rows, count), rows, count, out);
    }

    @Override
    protected void writeValidity(ColumnBatch input, int[] rows, int count, MemorySegment validity)
    {
        FieldVector value = left.evaluate(input, rows, count);
        FieldVector other = constantComparison != null ? null : right.evaluate(input, rows, count);
        andValidity(validity, input.physicalRowCount(), value, other);
    }
}
