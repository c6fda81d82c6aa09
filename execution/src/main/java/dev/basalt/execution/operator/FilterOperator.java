package dev.basalt.execution.operator;

import dev.basalt.execution.expression.ConstantEvaluator;
import dev.basalt.execution.expression.Evaluator;
import dev.basalt.execution.expression.ExpressionCompiler;
import dev.basalt.planner.plan.Filter;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.batch.SelectionVector;

import static java.util.Objects.requireNonNull;

/** Keeps the rows whose predicate is TRUE by narrowing the batch's selection vector; never copies column data. */
public final class FilterOperator
        implements Operator
{
    private final OperatorContext context;
    private final Operator source;
    private final Evaluator predicate;
    private final boolean alwaysFalse;
    private final boolean alwaysTrue;
    private boolean closed;

    public FilterOperator(OperatorContext context, Filter plan, Operator source)
    {
        this.context = requireNonNull(context, "context is null");
        this.source = requireNonNull(source, "source is null");
        this.predicate = new ExpressionCompiler(context.allocator()).compile(plan.predicate());
        this.alwaysTrue = predicate instanceof ConstantEvaluator c && Boolean.TRUE.equals(c.value());
        this.alwaysFalse = predicate instanceof ConstantEvaluator && !alwaysTrue;
    }

    @Override
    public ColumnBatch next()
    {
        if (alwaysFalse) {
            return null;
        }
        while (true) {
            ColumnBatch batch = source.next();
            if (batch == null || alwaysTrue) {
                return batch;
            }
            int count = batch.rowCount();
            int[] rows = batch.hasSelection() ? batch.selection().positions() : null;
            int[] selected = new int[Math.max(count, 1)];
            int n;
            try {
                n = predicate.filter(batch, rows, count, selected);
            }
            catch (RuntimeException e) {
                batch.close();
                throw e;
            }
            if (n == count) {
                return batch;
            }
            if (n == 0) {
                batch.close();
                continue;
            }
            return batch.withSelection(new SelectionVector(selected, n));
        }
    }

    @Override
    public void close()
    {
        if (closed) {
            return;
        }
        closed = true;
        new Closer().add(predicate).add(source).add(context).close();
    }
}
