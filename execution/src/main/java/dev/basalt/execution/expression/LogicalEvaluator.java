package dev.basalt.execution.expression;

import dev.basalt.execution.vector.Bitmaps;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.type.BooleanType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * N-ary AND / OR with three-valued logic (FALSE AND NULL = FALSE, TRUE OR NULL = TRUE). Operands are evaluated
 * lazily: each one only on the rows whose outcome is still open, so {@code x <> 0 AND 10 / x > 1} never divides
 * by zero. As a filter, AND narrows the selection operand by operand.
 */
public final class LogicalEvaluator
        extends Evaluator
{
    private final boolean and;
    private final Evaluator[] operands;
    private int[] active = new int[0];
    private int[] matched = new int[0];
    private boolean[] marks = new boolean[0];

    public LogicalEvaluator(boolean and, List<Evaluator> operands, BufferAllocator allocator)
    {
        super(BooleanType.BOOLEAN, allocator);
        this.and = and;
        this.operands = new Evaluator[operands.size()];
        for (int i = 0; i < this.operands.length; i++) {
            this.operands[i] = child(operands.get(i));
        }
    }

    private void ensureScratch(int count, int physical)
    {
        if (active.length < count) {
            active = new int[Math.max(count, 64)];
            matched = new int[Math.max(count, 64)];
        }
        if (marks.length < physical) {
            marks = new boolean[Math.max(physical, 64)];
        }
    }

    private int copyRows(int[] rows, int count)
    {
        for (int i = 0; i < count; i++) {
            active[i] = rows == null ? i : rows[i];
        }
        return count;
    }

    @Override
    public int filter(ColumnBatch input, int[] rows, int count, int[] out)
    {
        if (and) {
            int n = operands[0].filter(input, rows, count, out);
            for (int k = 1; k < operands.length && n > 0; k++) {
                n = operands[k].filter(input, out, n, out);
            }
            return n;
        }
        ensureScratch(count, input.physicalRowCount());
        int remaining = copyRows(rows, count);
        for (int k = 0; k < operands.length && remaining > 0; k++) {
            int m = operands[k].filter(input, active, remaining, matched);
            for (int i = 0; i < m; i++) {
                marks[matched[i]] = true;
            }
            int kept = 0;
            for (int i = 0; i < remaining; i++) {
                int p = active[i];
                active[kept] = p;
                kept += marks[p] ? 0 : 1;
            }
            remaining = kept;
        }
        int n = 0;
        for (int i = 0; i < count; i++) {
            int p = rows == null ? i : rows[i];
            boolean keep = marks[p];
            marks[p] = false;
            out[n] = p;
            n += keep ? 1 : 0;
        }
        return n;
    }

    @Override
    public FieldVector evaluate(ColumnBatch input, int[] rows, int count)
    {
        int physical = input.physicalRowCount();
        ensureScratch(count, physical);
        FieldVector result = result(physical);
        MemorySegment data = Vectors.data(result);
        MemorySegment validity = Vectors.validityAlways(result);
        Bitmaps.setAll(validity, physical);
        if (and) {
            Bitmaps.setAll(data, physical);
        }
        else {
            Bitmaps.clearAll(data, physical);
        }
        int remaining = copyRows(rows, count);
        // AND decides on FALSE, OR on TRUE; a decided row leaves the active set.
        boolean deciding = !and;
        for (int k = 0; k < operands.length && remaining > 0; k++) {
            FieldVector value = operands[k].evaluate(input, active, remaining);
            MemorySegment valueData = Vectors.data(value);
            MemorySegment valueValidity = Vectors.validity(value);
            int kept = 0;
            for (int i = 0; i < remaining; i++) {
                int p = active[i];
                if (!Bitmaps.isSet(valueValidity, p)) {
                    Bitmaps.clear(validity, p);
                    active[kept++] = p;
                }
                else if (Bitmaps.get(valueData, p) == deciding) {
                    Bitmaps.set(validity, p);
                    Bitmaps.set(data, p, deciding);
                }
                else {
                    active[kept++] = p;
                }
            }
            remaining = kept;
        }
        return result;
    }
}
