package dev.basalt.execution.operator;

import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static java.util.Objects.requireNonNull;

/**
 * The workers of one parallel section of a query (a gather or a parallel aggregation): runs their tasks on the
 * shared pool, keeps the first failure, and stops the others once one fails or the consumer closes early (each
 * worker's scan checks {@link #checkRunning} before every batch, so a stopped worker ends within a batch).
 */
public final class ParallelScope
{
    private final Executor executor;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile CountDownLatch running;

    public ParallelScope(Executor executor)
    {
        this.executor = requireNonNull(executor, "executor is null");
    }

    /** Runs the tasks on the pool; with {@code runFirstHere} the calling thread runs the first one itself (no hand-off). */
    public void start(List<Runnable> tasks, boolean runFirstHere)
    {
        if (running != null) {
            throw new IllegalStateException("already started");
        }
        CountDownLatch latch = new CountDownLatch(tasks.size());
        running = latch;
        for (int i = runFirstHere ? 1 : 0; i < tasks.size(); i++) {
            Runnable task = tasks.get(i);
            try {
                executor.execute(() -> run(task, latch));
            }
            catch (RejectedExecutionException e) {
                fail(new BasaltException(ErrorCode.QUERY_CANCELED, "the database is shutting down"));
                latch.countDown();
            }
        }
        if (runFirstHere && !tasks.isEmpty()) {
            run(tasks.getFirst(), latch);
        }
    }

    private void run(Runnable task, CountDownLatch latch)
    {
        try {
            if (!stopped.get()) {
                task.run();
            }
        }
        catch (Throwable t) {
            fail(t);
        }
        finally {
            latch.countDown();
        }
    }

    public boolean started()
    {
        return running != null;
    }

    /** Records a worker's failure (the first one wins) and stops the others. */
    public void fail(Throwable t)
    {
        if (!(t instanceof StoppedException)) {
            failure.compareAndSet(null, t);
        }
        stopped.set(true);
    }

    public void stop()
    {
        stopped.set(true);
    }

    public boolean stopped()
    {
        return stopped.get();
    }

    public boolean failed()
    {
        return failure.get() != null;
    }

    /** Called by a worker between batches: ends it (quietly) once the section was stopped. */
    public void checkRunning()
    {
        if (stopped.get()) {
            throw new StoppedException();
        }
    }

    /** Waits until every started task ended (also when interrupted: workers must not outlive their operators' owner). */
    public void awaitAll()
    {
        CountDownLatch latch = running;
        if (latch == null) {
            return;
        }
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            }
            catch (InterruptedException e) {
                interrupted = true;
                stop();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Rethrows the first worker failure on the consumer's thread (with its SQLSTATE when it is a BasaltException). */
    public void throwIfFailed()
    {
        Throwable t = failure.get();
        switch (t) {
            case null -> { }
            case RuntimeException e -> throw e;
            case Error e -> throw e;
            default -> throw BasaltException.wrap(t);
        }
    }

    /** Ends a stopped worker; never reported as the failure. */
    private static final class StoppedException
            extends RuntimeException
    {
        StoppedException()
        {
            super("parallel section stopped", null, false, false);
        }
    }
}
