package dev.basalt.execution.operator;

import dev.basalt.spi.batch.ColumnBatch;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Parallel hash aggregation: each worker aggregates one split of the input into its own partial state (the query
 * thread runs the first split itself), then the partials are merged into the first ({@link
 * HashAggregateOperator#mergeFrom}), which outputs the groups. Worker failures are rethrown once all workers ended.
 */
public final class ParallelAggregateOperator
        implements Operator
{
    private final List<HashAggregateOperator> partials;
    private final ParallelPipelines pipelines;
    private final ParallelScope scope;
    private boolean merged;
    private boolean closed;

    public ParallelAggregateOperator(List<HashAggregateOperator> partials, ParallelPipelines pipelines, ParallelScope scope)
    {
        this.partials = List.copyOf(requireNonNull(partials, "partials is null"));
        this.pipelines = requireNonNull(pipelines, "pipelines is null");
        this.scope = requireNonNull(scope, "scope is null");
    }

    @Override
    public ColumnBatch next()
    {
        if (!merged) {
            pipelines.prepare();
            List<Runnable> tasks = new ArrayList<>(partials.size());
            for (HashAggregateOperator partial : partials) {
                tasks.add(partial::consumeInput);
            }
            scope.start(tasks, true);
            scope.awaitAll();
            scope.throwIfFailed();
            HashAggregateOperator first = partials.getFirst();
            for (int i = 1; i < partials.size(); i++) {
                first.mergeFrom(partials.get(i));
                // its memory is not needed any more
                partials.get(i).close();
            }
            merged = true;
        }
        return partials.getFirst().next();
    }

    @Override
    public void close()
    {
        if (closed) {
            return;
        }
        closed = true;
        scope.stop();
        scope.awaitAll();
        Closer closer = new Closer();
        partials.forEach(closer::add);
        closer.add(pipelines).close();
    }
}
