package dev.basalt.execution.operator;

import dev.basalt.execution.expression.ColumnReference;
import dev.basalt.execution.expression.Evaluator;
import dev.basalt.execution.expression.ExpressionCompiler;
import dev.basalt.execution.vector.VectorCopier;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.planner.plan.Project;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.Column;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.util.TransferPair;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Computes one output column per expression, only at the batch's live rows; the output keeps the input's
 * selection. Computed vectors move out of their evaluators without copying, and input columns referenced once
 * move from the input batch; only a column referenced twice is copied.
 */
public final class ProjectOperator
        implements Operator
{
    private final OperatorContext context;
    private final Operator source;
    private final List<Evaluator> projections;
    private final List<Column> outputColumns;
    private boolean closed;

    public ProjectOperator(OperatorContext context, Project plan, Operator source)
    {
        this.context = requireNonNull(context, "context is null");
        this.source = requireNonNull(source, "source is null");
        this.projections = new ExpressionCompiler(context.allocator()).compile(plan.projections());
        this.outputColumns = plan.outputColumns();
    }

    @Override
    public ColumnBatch next()
    {
        ColumnBatch batch = source.next();
        if (batch == null) {
            return null;
        }
        int count = batch.rowCount();
        int physical = batch.physicalRowCount();
        int[] rows = batch.hasSelection() ? batch.selection().positions() : null;
        // Input columns are moved (renamed) only after every projection is evaluated: a move empties the input
        // vector, and a later expression may still read it (Q1 projects l_extendedprice and computes with it).
        FieldVector[] outputs = new FieldVector[projections.size()];
        FieldVector[] evaluated = new FieldVector[projections.size()];
        Map<FieldVector, Boolean> moved = new IdentityHashMap<>();
        try {
            for (int i = 0; i < projections.size(); i++) {
                Evaluator evaluator = projections.get(i);
                FieldVector result = evaluator.evaluate(batch, rows, count);
                if (evaluator.owns(result)) {
                    outputs[i] = rename(evaluator.takeResult(result, context.allocator()), outputColumns.get(i));
                }
                else if (evaluator instanceof ColumnReference && !moved.containsKey(result)) {
                    moved.put(result, Boolean.TRUE);
                    evaluated[i] = result;
                }
                else {
                    Column column = outputColumns.get(i);
                    FieldVector copy = Vectors.create(column.type(), column.name(), context.allocator());
                    outputs[i] = copy;
                    VectorCopier.copy(column.type(), result, null, physical, copy, 0);
                    copy.setValueCount(physical);
                }
            }
        }
        catch (RuntimeException e) {
            for (FieldVector output : outputs) {
                Vectors.closeQuietly(output);
            }
            batch.close();
            throw e;
        }
        for (int i = 0; i < outputs.length; i++) {
            if (evaluated[i] != null) {
                outputs[i] = rename(evaluated[i], outputColumns.get(i));
            }
        }
        for (FieldVector input : batch.columns()) {
            if (!moved.containsKey(input)) {
                input.close();
            }
        }
        return ColumnBatch.of(List.of(outputs), physical, batch.selection());
    }

    /** The same buffers under the output column's name (a transfer within one allocator: no copy). */
    private FieldVector rename(FieldVector vector, Column column)
    {
        if (vector.getName().equals(column.name())) {
            return vector;
        }
        TransferPair transfer = vector.getTransferPair(column.type().toField(column.name(), true), vector.getAllocator());
        transfer.transfer();
        return (FieldVector) transfer.getTo();
    }

    @Override
    public void close()
    {
        if (closed) {
            return;
        }
        closed = true;
        Closer closer = new Closer();
        projections.forEach(closer::add);
        closer.add(source).add(context).close();
    }
}
