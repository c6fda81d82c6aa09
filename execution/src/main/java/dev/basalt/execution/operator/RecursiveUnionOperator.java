package dev.basalt.execution.operator;

import dev.basalt.execution.hash.GroupByHash;
import dev.basalt.execution.memory.WorkTables.WorkTable;
import dev.basalt.execution.memory.WorkTables;
import dev.basalt.execution.vector.BatchTransfer;
import dev.basalt.execution.vector.ColumnStore;
import dev.basalt.planner.plan.RecursiveUnion;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.batch.SelectionVector;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataType;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * WITH RECURSIVE. Streams the anchor's rows, then runs the step again and again, each time on a fresh operator
 * tree whose WorkTableScans read the rows the previous iteration produced, until an iteration produces no (new)
 * rows. Every output row is also copied into the next work table. Without ALL, a {@link GroupByHash} over all
 * columns drops rows seen before (anchor rows included), which is what terminates recursion over cycles.
 */
public final class RecursiveUnionOperator
        implements Operator
{
    private final OperatorContext context;
    private final Supplier<Operator> stepFactory;
    private final List<DataType> types;
    private final long maxIterations;
    private final String workTableName;
    private final WorkTables workTables;
    private final WorkTable workTable;
    private final GroupByHash seen;
    private Operator current;
    private ColumnStore produced;
    private long iteration;
    private long reservedHeap;
    private boolean finished;
    private boolean closed;

    public RecursiveUnionOperator(OperatorContext context, RecursiveUnion plan, Operator anchor, Supplier<Operator> stepFactory)
    {
        this.context = requireNonNull(context, "context is null");
        this.current = requireNonNull(anchor, "anchor is null");
        this.stepFactory = requireNonNull(stepFactory, "stepFactory is null");
        this.types = new ArrayList<>();
        for (Column column : plan.outputColumns()) {
            types.add(column.type());
        }
        this.maxIterations = plan.maxIterations();
        this.workTableName = plan.workTable();
        this.seen = plan.all() ? null : new GroupByHash(types, 1024);
        this.workTables = context.memory().workTables();
        this.workTable = workTables.register(plan.workTable());
        this.produced = new ColumnStore(types, context.allocator());
    }

    /** Registered before the step is built, so that its WorkTableScans find this union's table. */
    public WorkTable workTable()
    {
        return workTable;
    }

    @Override
    public ColumnBatch next()
    {
        while (!finished) {
            ColumnBatch batch = current.next();
            if (batch == null) {
                nextIteration();
                continue;
            }
            ColumnBatch out = seen == null ? batch : dropSeen(batch);
            if (out == null) {
                continue;
            }
            if (iteration > maxIterations) {
                // only an iteration that still produces rows counts as one too many
                out.close();
                throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE, "recursive query " + workTableName + " did not finish after "
                        + maxIterations + " iterations (is the recursion infinite?)");
            }
            // the step's operators (and allocators) are closed after each iteration: the batch must not need them
            out = BatchTransfer.moveTo(out, context.allocator());
            try {
                produced.append(out);
                reserve();
            }
            catch (RuntimeException e) {
                out.close();
                throw e;
            }
            return out;
        }
        return null;
    }

    private void nextIteration()
    {
        current.close();
        current = null;
        ColumnStore previous = workTable.rows();
        if (previous != null) {
            previous.close();
        }
        workTable.setRows(produced);
        produced = null;
        if (workTable.rows().rowCount() == 0) {
            finished = true;
            return;
        }
        iteration++;
        produced = new ColumnStore(types, context.allocator());
        current = stepFactory.get();
    }

    /** The batch narrowed to rows not produced before (ownership moves), or null (batch closed). */
    private ColumnBatch dropSeen(ColumnBatch batch)
    {
        int count = batch.rowCount();
        int kept = 0;
        int[] positions = new int[count];
        try {
            int[] ids = new int[count];
            int next = seen.groupCount();
            seen.groupIds(batch.columns(), batch.hasSelection() ? batch.selection().positions() : null, count, ids);
            for (int i = 0; i < count; i++) {
                // ids are dense in order of first appearance: a new row gets the next id
                boolean keep = ids[i] == next;
                next += keep ? 1 : 0;
                positions[kept] = batch.position(i);
                kept += keep ? 1 : 0;
            }
        }
        catch (RuntimeException e) {
            batch.close();
            throw e;
        }
        if (kept == 0) {
            batch.close();
            return null;
        }
        return kept == count && !batch.hasSelection() ? batch : batch.withSelection(new SelectionVector(positions, kept));
    }

    private void reserve()
    {
        long bytes = seen == null ? 0 : seen.bytes();
        if (bytes > reservedHeap) {
            context.reserveHeap(bytes - reservedHeap);
            reservedHeap = bytes;
        }
    }

    @Override
    public void close()
    {
        if (closed) {
            return;
        }
        closed = true;
        workTables.unregister(workTable);
        new Closer().add(current).add(produced).add(workTable.rows()).add(context).close();
    }
}
