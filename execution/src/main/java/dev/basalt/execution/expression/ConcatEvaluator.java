package dev.basalt.execution.expression;

import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.type.DataType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/** CONCAT(a, b, ...) / {@code ||}: NULL when any operand is NULL. */
public final class ConcatEvaluator
        extends Evaluator
{
    private final Evaluator[] operands;
    private final VarcharInput[] inputs;
    private byte[] buffer = new byte[256];

    public ConcatEvaluator(List<Evaluator> operands, DataType type, BufferAllocator allocator)
    {
        super(type, allocator);
        this.operands = new Evaluator[operands.size()];
        for (int i = 0; i < this.operands.length; i++) {
            this.operands[i] = child(operands.get(i));
        }
        this.inputs = new VarcharInput[this.operands.length];
    }

    @Override
    public FieldVector evaluate(ColumnBatch input, int[] rows, int count)
    {
        int physical = input.physicalRowCount();
        for (int k = 0; k < operands.length; k++) {
            inputs[k] = operands[k] instanceof ConstantEvaluator c
                    ? VarcharInput.constant(c.bytes())
                    : VarcharInput.of(operands[k].evaluate(input, rows, count));
        }
        BaseVariableWidthVector result = (BaseVariableWidthVector) result(physical);
        for (int i = 0; i < count; i++) {
            int p = rows == null ? i : rows[i];
            int total = 0;
            boolean isNull = false;
            for (VarcharInput value : inputs) {
                if (value.isNull(p)) {
                    isNull = true;
                    break;
                }
                total += value.length(p);
            }
            if (isNull) {
                result.setNull(p);
                continue;
            }
            if (buffer.length < total) {
                buffer = new byte[Math.max(total, 2 * buffer.length)];
            }
            int offset = 0;
            for (VarcharInput value : inputs) {
                int length = value.length(p);
                MemorySegment.copy(value.data, ValueLayout.JAVA_BYTE, value.start(p), buffer, offset, length);
                offset += length;
            }
            result.setSafe(p, buffer, 0, total);
        }
        result.setValueCount(physical);
        return result;
    }
}
