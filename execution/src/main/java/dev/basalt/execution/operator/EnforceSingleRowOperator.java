package dev.basalt.execution.operator;

import dev.basalt.execution.vector.VectorCopier;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.planner.plan.EnforceSingleRow;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import org.apache.arrow.vector.FieldVector;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The input of a scalar subquery: exactly one output row. Reads the whole input (a second row is an error even
 * when it arrives in a later batch), copies the single row out, and produces one all-NULL row for empty input.
 */
public final class EnforceSingleRowOperator
        implements Operator
{
    private final OperatorContext context;
    private final Operator source;
    private final List<Column> columns;
    private boolean done;
    private boolean closed;

    public EnforceSingleRowOperator(OperatorContext context, EnforceSingleRow plan, Operator source)
    {
        this.context = requireNonNull(context, "context is null");
        this.source = requireNonNull(source, "source is null");
        this.columns = plan.outputColumns();
    }

    @Override
    public ColumnBatch next()
    {
        if (done) {
            return null;
        }
        done = true;
        List<FieldVector> row = null;
        try {
            while (true) {
                ColumnBatch batch = source.next();
                if (batch == null) {
                    break;
                }
                try (batch) {
                    int count = batch.rowCount();
                    if (count == 0) {
                        continue;
                    }
                    if (row != null || count > 1) {
                        throw new BasaltException(ErrorCode.CARDINALITY_VIOLATION, "more than one row returned by a subquery used as an expression");
                    }
                    row = copyRow(batch, batch.position(0));
                }
            }
            if (row == null) {
                row = copyRow(null, -1);
            }
        }
        catch (RuntimeException e) {
            if (row != null) {
                row.forEach(FieldVector::close);
            }
            throw e;
        }
        return ColumnBatch.of(row, 1);
    }

    /** One-row vectors holding the batch's row at {@code position}, or NULLs when {@code batch} is null. */
    private List<FieldVector> copyRow(ColumnBatch batch, int position)
    {
        List<FieldVector> vectors = new ArrayList<>(columns.size());
        try {
            for (int c = 0; c < columns.size(); c++) {
                Column column = columns.get(c);
                FieldVector vector = Vectors.create(column.type(), column.name(), context.allocator());
                vectors.add(vector);
                if (batch == null) {
                    Vectors.ensureCapacity(vector, column.type(), 1);
                    if (Vectors.width(column.type()) != Vectors.NONE) {
                        // a fresh vector's validity is all zero: the value is NULL
                        Vectors.validityAlways(vector).fill((byte) 0);
                    }
                }
                else {
                    VectorCopier.copy(column.type(), batch.column(c), new int[] {position}, 1, vector, 0);
                }
                vector.setValueCount(1);
            }
        }
        catch (RuntimeException e) {
            vectors.forEach(FieldVector::close);
            throw e;
        }
        return vectors;
    }

    @Override
    public void close()
    {
        if (closed) {
            return;
        }
        closed = true;
        new Closer().add(source).add(context).close();
    }
}
