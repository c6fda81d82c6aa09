package dev.basalt.execution.operator;

import dev.basalt.execution.vector.BatchTransfer;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static java.util.Objects.requireNonNull;

/**
 * The exchange point of a parallel pipeline: each worker drives one split's pipeline and puts its batches in a
 * bounded queue (memory stays bounded when the consumer is slow); the consumer takes them in arrival order. A
 * batch's buffers move to this operator's allocator on the worker before the hand-off, so a worker closes its own
 * operators when it ends. The first worker failure is rethrown to the consumer and stops the others; closing early
 * stops the workers, waits for them, and frees the batches still queued; {@link #finishEarly} (a LIMIT above is
 * done) stops them right away.
 */
public final class GatherOperator
        implements Operator
{
    private static final Object END = new Object();
    private static final long OFFER_WAIT_MILLIS = 10;

    private final OperatorContext context;
    private final ParallelPipelines pipelines;
    private final ParallelScope scope;
    private final BlockingQueue<Object> queue;
    private final int workers;
    private int ended;
    private boolean finished;
    private boolean closed;

    public GatherOperator(OperatorContext context, ParallelPipelines pipelines, ParallelScope scope)
    {
        this.context = requireNonNull(context, "context is null");
        this.pipelines = requireNonNull(pipelines, "pipelines is null");
        this.scope = requireNonNull(scope, "scope is null");
        this.workers = pipelines.pipelines().size();
        this.queue = new ArrayBlockingQueue<>(2 * workers + 2);
    }

    @Override
    public ColumnBatch next()
    {
        if (finished) {
            return null;
        }
        if (!scope.started()) {
            start();
        }
        while (true) {
            Object item;
            try {
                item = queue.take();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                scope.stop();
                throw new BasaltException(ErrorCode.QUERY_CANCELED, "canceling statement due to interruption");
            }
            if (scope.failed()) {
                if (item instanceof ColumnBatch batch) {
                    batch.close();
                }
                scope.stop();
                finished = true;
                scope.throwIfFailed();
            }
            if (item == END) {
                ended++;
                if (ended == workers) {
                    finished = true;
                    return null;
                }
                continue;
            }
            return (ColumnBatch) item;
        }
    }

    private void start()
    {
        pipelines.prepare();
        List<Runnable> tasks = new ArrayList<>(workers);
        for (Operator pipeline : pipelines.pipelines()) {
            tasks.add(() -> drive(pipeline));
        }
        pipelines.handOff();
        scope.start(tasks, false);
    }

    /** A worker: pulls its pipeline dry into the queue, then closes it; a failure is recorded before END is queued. */
    private void drive(Operator pipeline)
    {
        try {
            while (!scope.stopped()) {
                ColumnBatch batch = pipeline.next();
                if (batch == null) {
                    break;
                }
                if (!offer(BatchTransfer.moveTo(batch, context.allocator()))) {
                    break;
                }
            }
        }
        catch (Throwable t) {
            scope.fail(t);
        }
        finally {
            try {
                pipeline.close();
            }
            catch (Throwable t) {
                scope.fail(t);
            }
            offer(END);
        }
    }

    /** Queues the item, waiting for room while the section runs; false (the item freed) once it was stopped. */
    private boolean offer(Object item)
    {
        try {
            while (!queue.offer(item, OFFER_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                if (scope.stopped()) {
                    if (item instanceof ColumnBatch batch) {
                        batch.close();
                    }
                    return false;
                }
            }
            return true;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (item instanceof ColumnBatch batch) {
                batch.close();
            }
            scope.fail(new BasaltException(ErrorCode.QUERY_CANCELED, "canceling statement due to interruption"));
            return false;
        }
    }

    /** Stops the workers (they close their own pipelines); the batches still queued are freed by close. */
    @Override
    public void finishEarly()
    {
        finished = true;
        scope.stop();
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
        for (Object item : queue) {
            if (item instanceof ColumnBatch batch) {
                closer.add(batch);
            }
        }
        queue.clear();
        closer.add(pipelines).add(context).close();
    }
}
