package dev.basalt.execution.expression;

import dev.basalt.execution.vector.Utf8;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.type.DataType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** UPPER / LOWER: byte-wise for ASCII strings, via java.lang.String (Locale.ROOT) otherwise. */
public final class CaseConversionEvaluator
        extends Evaluator
{
    private final Evaluator operand;
    private final boolean upper;
    private byte[] buffer = new byte[256];

    public CaseConversionEvaluator(Evaluator operand, boolean upper, DataType type, BufferAllocator allocator)
    {
        super(type, allocator);
        this.operand = child(operand);
        this.upper = upper;
    }

    @Override
    public FieldVector evaluate(ColumnBatch input, int[] rows, int count)
    {
        int physical = input.physicalRowCount();
        VarcharInput value = VarcharInput.of(operand.evaluate(input, rows, count));
        VarCharVector result = (VarCharVector) result(physical);
        for (int i = 0; i < count; i++) {
            int p = rows == null ? i : rows[i];
            if (value.isNull(p)) {
                result.setNull(p);
                continue;
            }
            int start = value.start(p);
            int length = value.length(p);
            if (Utf8.isAscii(value.data, start, length)) {
                if (buffer.length < length) {
                    buffer = new byte[Math.max(length, 2 * buffer.length)];
                }
                for (int j = 0; j < length; j++) {
                    byte b = value.data.get(ValueLayout.JAVA_BYTE, start + j);
                    if (upper && b >= 'a' && b <= 'z') {
                        b -= 32;
                    }
                    else if (!upper && b >= 'A' && b <= 'Z') {
                        b += 32;
                    }
                    buffer[j] = b;
                }
                result.setSafe(p, buffer, 0, length);
            }
            else {
                String text = value.string(p);
                String converted = upper ? text.toUpperCase(Locale.ROOT) : text.toLowerCase(Locale.ROOT);
                result.setSafe(p, converted.getBytes(StandardCharsets.UTF_8));
            }
        }
        result.setValueCount(physical);
        return result;
    }
}
