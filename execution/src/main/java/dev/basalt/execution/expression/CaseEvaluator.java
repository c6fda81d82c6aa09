package dev.basalt.execution.expression;

import dev.basalt.execution.vector.VectorCopier;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.VarcharType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

import java.util.Arrays;
import java.util.List;

/**
 * Searched CASE. Each condition runs as a filter on the rows no earlier clause took, and each result only on the
 * rows its condition selected, so a branch that is not taken never raises (e.g. a division by zero).
 */
public final class CaseEvaluator
        extends Evaluator
{
    private final Evaluator[] conditions;
    private final Evaluator[] results;
    private final FieldVector[] sources;
    private int[] remaining = new int[0];
    private int[] matched = new int[0];
    private int[] sourceByPosition = new int[0];
    private boolean[] marks = new boolean[0];

    /** {@code results} has one more entry than {@code conditions}: the ELSE value. */
    public CaseEvaluator(List<Evaluator> conditions, List<Evaluator> results, DataType type, BufferAllocator allocator)
    {
        super(type, allocator);
        if (results.size() != conditions.size() + 1) {
            throw new IllegalArgumentException("CASE needs one result per condition plus an ELSE");
        }
        this.conditions = new Evaluator[conditions.size()];
        for (int i = 0; i < this.conditions.length; i++) {
            this.conditions[i] = child(conditions.get(i));
        }
        this.results = new Evaluator[results.size()];
        for (int i = 0; i < this.results.length; i++) {
            this.results[i] = child(results.get(i));
        }
        this.sources = new FieldVector[this.results.length];
    }

    @Override
    public FieldVector evaluate(ColumnBatch input, int[] rows, int count)
    {
        int physical = input.physicalRowCount();
        if (remaining.length < count) {
            remaining = new int[Math.max(count, 64)];
            matched = new int[Math.max(count, 64)];
        }
        if (sourceByPosition.length < physical) {
            sourceByPosition = new int[Math.max(physical, 64)];
            marks = new boolean[Math.max(physical, 64)];
        }
        Arrays.fill(sources, null);
        int remainingCount = count;
        for (int i = 0; i < count; i++) {
            int p = rows == null ? i : rows[i];
            remaining[i] = p;
            sourceByPosition[p] = -1;
        }
        for (int k = 0; k < conditions.length && remainingCount > 0; k++) {
            int m = conditions[k].filter(input, remaining, remainingCount, matched);
            if (m == 0) {
                continue;
            }
            sources[k] = results[k].evaluate(input, matched, m);
            for (int i = 0; i < m; i++) {
                sourceByPosition[matched[i]] = k;
                marks[matched[i]] = true;
            }
            int kept = 0;
            for (int i = 0; i < remainingCount; i++) {
                int p = remaining[i];
                remaining[kept] = p;
                kept += marks[p] ? 0 : 1;
                marks[p] = false;
            }
            remainingCount = kept;
        }
        if (remainingCount > 0) {
            int elseIndex = conditions.length;
            sources[elseIndex] = results[elseIndex].evaluate(input, remaining, remainingCount);
            for (int i = 0; i < remainingCount; i++) {
                sourceByPosition[remaining[i]] = elseIndex;
            }
        }
        FieldVector result = result(physical);
        VectorCopier.merge(type(), sources, sourceByPosition, rows, count, result);
        if (Vectors.isVariableWidth(type())) {
            result.setValueCount(physical);
        }
        return result;
    }
}
