package dev.basalt.execution.operator;

import dev.basalt.execution.expression.Evaluator;
import dev.basalt.execution.expression.ExpressionCompiler;
import dev.basalt.planner.expression.RowExpression;
import dev.basalt.planner.plan.Values;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.batch.ColumnBatchBuilder;
import dev.basalt.spi.type.NullType;
import org.apache.arrow.vector.FieldVector;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** Literal rows: each expression is evaluated once (on a one-row empty batch) and the rows are emitted in batches. */
public final class ValuesOperator
        implements Operator
{
    private static final ColumnBatch SINGLE_ROW = ColumnBatch.of(List.of(), 1);

    private final OperatorContext context;
    private final Values plan;
    private int nextRow;
    private boolean closed;

    public ValuesOperator(OperatorContext context, Values plan)
    {
        this.context = requireNonNull(context, "context is null");
        this.plan = requireNonNull(plan, "plan is null");
    }

    @Override
    public ColumnBatch next()
    {
        List<List<RowExpression>> rows = plan.rows();
        if (nextRow >= rows.size()) {
            return null;
        }
        int end = Math.min(rows.size(), nextRow + ColumnBatch.DEFAULT_ROW_COUNT);
        ExpressionCompiler compiler = new ExpressionCompiler(context.allocator());
        try (ColumnBatchBuilder builder = new ColumnBatchBuilder(context.allocator(), plan.outputColumns())) {
            for (int row = nextRow; row < end; row++) {
                List<RowExpression> expressions = rows.get(row);
                Object[] values = new Object[expressions.size()];
                for (int column = 0; column < values.length; column++) {
                    try (Evaluator evaluator = compiler.compile(expressions.get(column))) {
                        FieldVector vector = evaluator.evaluate(SINGLE_ROW, null, 1);
                        values[column] = evaluator.type() instanceof NullType ? null : dev.basalt.spi.value.Values.read(vector, evaluator.type(), 0);
                    }
                }
                builder.appendRow(values);
            }
            nextRow = end;
            return builder.build();
        }
    }

    @Override
    public void close()
    {
        if (!closed) {
            closed = true;
            context.close();
        }
    }
}
