package dev.basalt.execution.operator;

import dev.basalt.execution.hash.GroupByHash;
import dev.basalt.planner.plan.SetOperation;
import dev.basalt.planner.plan.SetOperationType;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.batch.SelectionVector;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.type.DataType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * UNION [ALL], INTERSECT [ALL], EXCEPT [ALL]. Rows are identified by a {@link GroupByHash} over all columns (NULLs
 * equal), which gives every distinct row a dense id in order of first appearance. No row data is copied: output
 * batches are the input batches with a narrowed selection.
 * <ul>
 *   <li>UNION ALL streams the inputs one after another.</li>
 *   <li>UNION streams the inputs and keeps the rows whose id is new.</li>
 *   <li>INTERSECT/EXCEPT first count the right input's rows per id, then stream the left input: the k-th
 *       occurrence of a row is kept when k &lt;= right count (INTERSECT ALL), k &gt; right count (EXCEPT ALL), or
 *       k = 1 and right count &gt; 0 / = 0 (INTERSECT / EXCEPT).</li>
 * </ul>
 */
public final class SetOperationOperator
        implements Operator
{
    private final OperatorContext context;
    private final List<Operator> inputs;
    private final SetOperationType type;
    private final boolean all;
    private final GroupByHash hash;
    private int current;
    private boolean rightConsumed;
    /** Rows of the right input per id (INTERSECT/EXCEPT). */
    private int[] rightCounts = new int[0];
    /** Left occurrences seen so far per id (INTERSECT/EXCEPT). */
    private int[] leftCounts = new int[0];
    private int[] ids = new int[0];
    private long reservedHeap;
    private boolean closed;

    public SetOperationOperator(OperatorContext context, SetOperation plan, List<Operator> inputs)
    {
        this.context = requireNonNull(context, "context is null");
        this.inputs = List.copyOf(requireNonNull(inputs, "inputs is null"));
        this.type = plan.type();
        this.all = plan.all();
        List<DataType> types = new ArrayList<>();
        for (Column column : plan.outputColumns()) {
            types.add(column.type());
        }
        this.hash = type == SetOperationType.UNION && all ? null : new GroupByHash(types, 1024);
    }

    @Override
    public ColumnBatch next()
    {
        if (type != SetOperationType.UNION && !rightConsumed) {
            consumeRight();
        }
        int last = type == SetOperationType.UNION ? inputs.size() - 1 : 0;
        while (current <= last) {
            ColumnBatch batch = inputs.get(current).next();
            if (batch == null) {
                current++;
                continue;
            }
            if (hash == null) {
                return batch;
            }
            ColumnBatch out = filter(batch);
            if (out != null) {
                return out;
            }
        }
        return null;
    }

    private void consumeRight()
    {
        Operator right = inputs.get(1);
        while (true) {
            ColumnBatch batch = right.next();
            if (batch == null) {
                break;
            }
            try (batch) {
                int count = batch.rowCount();
                if (count == 0) {
                    continue;
                }
                assignIds(batch);
                for (int i = 0; i < count; i++) {
                    rightCounts[ids[i]]++;
                }
            }
        }
        rightConsumed = true;
    }

    private void assignIds(ColumnBatch batch)
    {
        int count = batch.rowCount();
        if (ids.length < count) {
            ids = new int[Math.max(count, 64)];
        }
        hash.groupIds(batch.columns(), batch.hasSelection() ? batch.selection().positions() : null, count, ids);
        int groups = hash.groupCount();
        if (type != SetOperationType.UNION && rightCounts.length < groups) {
            int capacity = Math.max(groups, 2 * rightCounts.length);
            rightCounts = Arrays.copyOf(rightCounts, capacity);
            leftCounts = Arrays.copyOf(leftCounts, capacity);
        }
        long bytes = hash.bytes() + 4L * ids.length + 8L * rightCounts.length;
        if (bytes > reservedHeap) {
            context.reserveHeap(bytes - reservedHeap);
            reservedHeap = bytes;
        }
    }

    /** The batch narrowed to the rows to output (ownership moves), or null (batch closed) when none is. */
    private ColumnBatch filter(ColumnBatch batch)
    {
        int count = batch.rowCount();
        if (count == 0) {
            batch.close();
            return null;
        }
        int kept;
        int[] positions = new int[count];
        try {
            int before = hash.groupCount();
            assignIds(batch);
            kept = 0;
            for (int i = 0; i < count; i++) {
                int id = ids[i];
                boolean keep;
                if (type == SetOperationType.UNION) {
                    // ids are dense in order of first appearance: the first occurrence gets the next new id
                    keep = id == before;
                    before += keep ? 1 : 0;
                }
                else {
                    int occurrence = ++leftCounts[id];
                    int right = rightCounts[id];
                    if (type == SetOperationType.INTERSECT) {
                        keep = all ? occurrence <= right : occurrence == 1 && right > 0;
                    }
                    else {
                        keep = all ? occurrence > right : occurrence == 1 && right == 0;
                    }
                }
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
        if (kept == count && !batch.hasSelection()) {
            return batch;
        }
        return batch.withSelection(new SelectionVector(positions, kept));
    }

    @Override
    public void close()
    {
        if (closed) {
            return;
        }
        closed = true;
        Closer closer = new Closer();
        for (Operator input : inputs) {
            closer.add(input);
        }
        closer.add(context).close();
    }
}
