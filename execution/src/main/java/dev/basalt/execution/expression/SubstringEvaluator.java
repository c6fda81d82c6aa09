package dev.basalt.execution.expression;

import dev.basalt.execution.vector.Utf8;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * SUBSTRING(s, start[, length]) in characters, 1-based, SQL semantics: the characters at positions
 * [start, start + length) that exist ({@code SUBSTRING('hello', 0, 3)} = 'he'); a negative length raises 22023.
 */
public final class SubstringEvaluator
        extends Evaluator
{
    private final Evaluator string;
    private final IntegralInput start;
    private final IntegralInput length;

    public SubstringEvaluator(Evaluator string, Evaluator start, Evaluator length, DataType type, BufferAllocator allocator)
    {
        super(type, allocator);
        this.string = child(string);
        this.start = new IntegralInput(child(start));
        this.length = length == null ? null : new IntegralInput(child(length));
    }

    @Override
    public FieldVector evaluate(ColumnBatch input, int[] rows, int count)
    {
        int physical = input.physicalRowCount();
        VarcharInput value = VarcharInput.of(string.evaluate(input, rows, count));
        start.load(input, rows, count);
        if (length != null) {
            length.load(input, rows, count);
        }
        VarCharVector result = (VarCharVector) result(physical);
        for (int i = 0; i < count; i++) {
            int p = rows == null ? i : rows[i];
            if (value.isNull(p) || start.isNull(p) || length != null && length.isNull(p)) {
                result.setNull(p);
                continue;
            }
            long first = start.get(p);
            long end = Long.MAX_VALUE;
            if (length != null) {
                long n = length.get(p);
                if (n < 0) {
                    throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE, "negative substring length not allowed");
                }
                end = first > Long.MAX_VALUE - n ? Long.MAX_VALUE : first + n;
            }
            // 0-based character range [from, to)
            long from = Math.max(first, 1) - 1;
            long to = end == Long.MAX_VALUE ? Long.MAX_VALUE : end - 1;
            int byteStart = value.start(p);
            int byteLength = value.length(p);
            if (to <= from) {
                result.setSafe(p, new byte[0]);
                continue;
            }
            long fromByte;
            long toByte;
            if (Utf8.isAscii(value.data, byteStart, byteLength)) {
                fromByte = Math.min(from, byteLength);
                toByte = Math.min(to, byteLength);
            }
            else {
                fromByte = Utf8.byteOffsetOfCharacter(value.data, byteStart, byteLength, from);
                toByte = to == Long.MAX_VALUE ? byteLength : Utf8.byteOffsetOfCharacter(value.data, byteStart, byteLength, to);
            }
            int sliceLength = (int) (toByte - fromByte);
            byte[] bytes = new byte[sliceLength];
            java.lang.foreign.MemorySegment.copy(value.data, java.lang.foreign.ValueLayout.JAVA_BYTE, byteStart + fromByte, bytes, 0, sliceLength);
            result.setSafe(p, bytes);
        }
        result.setValueCount(physical);
        return result;
    }
}
