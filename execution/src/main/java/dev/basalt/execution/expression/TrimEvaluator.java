package dev.basalt.execution.expression;

import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.type.DataType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/** TRIM / LTRIM / RTRIM(s[, characters]): removes the given characters (default: spaces) from the ends. */
public final class TrimEvaluator
        extends Evaluator
{
    private static final ValueLayout.OfByte BYTE = ValueLayout.JAVA_BYTE;

    private final Evaluator string;
    private final Evaluator characters;
    private final boolean leading;
    private final boolean trailing;
    private final int[] constantSet;

    public TrimEvaluator(Evaluator string, Evaluator characters, boolean leading, boolean trailing, DataType type, BufferAllocator allocator)
    {
        super(type, allocator);
        this.string = child(string);
        this.characters = characters == null ? null : child(characters);
        this.leading = leading;
        this.trailing = trailing;
        if (characters == null) {
            this.constantSet = new int[] {' '};
        }
        else if (characters instanceof ConstantEvaluator c && !c.isNull()) {
            this.constantSet = ((String) c.value()).codePoints().toArray();
        }
        else {
            this.constantSet = null;
        }
    }

    @Override
    public FieldVector evaluate(ColumnBatch input, int[] rows, int count)
    {
        int physical = input.physicalRowCount();
        VarcharInput value = VarcharInput.of(string.evaluate(input, rows, count));
        VarcharInput set = constantSet == null ? VarcharInput.of(characters.evaluate(input, rows, count)) : null;
        VarCharVector result = (VarCharVector) result(physical);
        for (int i = 0; i < count; i++) {
            int p = rows == null ? i : rows[i];
            if (value.isNull(p) || set != null && set.isNull(p)) {
                result.setNull(p);
                continue;
            }
            int[] trimSet = set == null ? constantSet : set.string(p).codePoints().toArray();
            int start = value.start(p);
            int end = start + value.length(p);
            if (leading) {
                while (start < end) {
                    int next = nextCharacter(value.data, start, end);
                    if (!contains(trimSet, codePoint(value.data, start, next))) {
                        break;
                    }
                    start = next;
                }
            }
            if (trailing) {
                while (end > start) {
                    int previous = end - 1;
                    while (previous > start && (value.data.get(BYTE, previous) & 0xC0) == 0x80) {
                        previous--;
                    }
                    if (!contains(trimSet, codePoint(value.data, previous, end))) {
                        break;
                    }
                    end = previous;
                }
            }
            byte[] bytes = new byte[end - start];
            MemorySegment.copy(value.data, BYTE, start, bytes, 0, bytes.length);
            result.setSafe(p, bytes);
        }
        result.setValueCount(physical);
        return result;
    }

    private static int nextCharacter(MemorySegment data, int position, int end)
    {
        int next = position + 1;
        while (next < end && (data.get(BYTE, next) & 0xC0) == 0x80) {
            next++;
        }
        return next;
    }

    private static int codePoint(MemorySegment data, int start, int end)
    {
        byte first = data.get(BYTE, start);
        if (first >= 0) {
            return first;
        }
        byte[] bytes = new byte[end - start];
        MemorySegment.copy(data, BYTE, start, bytes, 0, bytes.length);
        return new String(bytes, StandardCharsets.UTF_8).codePointAt(0);
    }

    private static boolean contains(int[] set, int codePoint)
    {
        for (int c : set) {
            if (c == codePoint) {
                return true;
            }
        }
        return false;
    }
}
