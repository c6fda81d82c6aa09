package dev.basalt.execution.expression;

import dev.basalt.execution.vector.Bitmaps;
import dev.basalt.execution.vector.VectorCopier;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.VarcharType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.List;

/** COALESCE(a, b, ...): evaluates each operand only on the rows that are still NULL, left to right. */
public final class CoalesceEvaluator
        extends Evaluator
{
    private final Evaluator[] operands;
    private final FieldVector[] sources;
    private int[] sourceByPosition = new int[0];
    private int[] pending = new int[0];

    public CoalesceEvaluator(List<Evaluator> operands, DataType type, BufferAllocator allocator)
    {
        super(type, allocator);
        this.operands = new Evaluator[operands.size()];
        for (int i = 0; i < this.operands.length; i++) {
            this.operands[i] = child(operands.get(i));
        }
        this.sources = new FieldVector[this.operands.length];
    }

    @Override
    public FieldVector evaluate(ColumnBatch input, int[] rows, int count)
    {
        int physical = input.physicalRowCount();
        if (sourceByPosition.length < physical) {
            sourceByPosition = new int[Math.max(physical, 64)];
        }
        if (pending.length < count) {
            pending = new int[Math.max(count, 64)];
        }
        Arrays.fill(sources, null);
        int remaining = count;
        for (int i = 0; i < count; i++) {
            int p = rows == null ? i : rows[i];
            pending[i] = p;
            sourceByPosition[p] = -1;
        }
        for (int k = 0; k < operands.length && remaining > 0; k++) {
            FieldVector value = operands[k].evaluate(input, pending, remaining);
            sources[k] = value;
            MemorySegment validity = Vectors.validity(value);
            int kept = 0;
            for (int i = 0; i < remaining; i++) {
                int p = pending[i];
                if (Bitmaps.isSet(validity, p)) {
                    sourceByPosition[p] = k;
                }
                else {
                    pending[kept++] = p;
                }
            }
            remaining = kept;
        }
        FieldVector result = result(physical);
        VectorCopier.merge(type(), sources, sourceByPosition, rows, count, result);
        if (Vectors.isVariableWidth(type())) {
            result.setValueCount(physical);
        }
        return result;
    }
}
