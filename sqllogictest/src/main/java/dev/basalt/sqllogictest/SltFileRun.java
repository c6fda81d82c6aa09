package dev.basalt.sqllogictest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * One file's run: opens a fresh connection, runs setup statements, then the steps one by one, then closes the
 * connection (which fails on leaked memory).
 *
 * <p>Each run has a scratch directory that replaces {@code __TEST_DIR__} in SQL (deleted at the end).
 *
 * <p>Every call runs on one worker thread owned by this run, so the session stays confined to a single thread
 * while the caller can stop waiting: a record that runs longer than the timeout fails, the worker is interrupted,
 * and when it does not stop within a grace period the rest of the file is abandoned instead of hanging the build.
 * This is a guard against runaway queries (e.g. a planner that misses a join predicate), not a performance check.
 */
public final class SltFileRun implements AutoCloseable
{
    private static final Duration GRACE = Duration.ofSeconds(10);

    private final SltFile file;
    private final Supplier<SltConnection> connectionFactory;
    private final List<String> setupStatements;
    private final Duration timeout;
    private final boolean checkErrorDetails;
    private final ExecutorService worker;

    private SltConnection connection;
    private SltRunner runner;
    private Path testDir;
    private String abandoned;
    private boolean finished;

    public SltFileRun(SltFile file, Supplier<SltConnection> connectionFactory, List<String> setupStatements, Duration timeout,
            boolean checkErrorDetails)
    {
        this.file = requireNonNull(file, "file is null");
        this.connectionFactory = requireNonNull(connectionFactory, "connectionFactory is null");
        this.setupStatements = List.copyOf(setupStatements);
        this.timeout = requireNonNull(timeout, "timeout is null");
        this.checkErrorDetails = checkErrorDetails;
        this.worker = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "slt " + file.name());
            thread.setDaemon(true);
            return thread;
        });
    }

    public SltFile file()
    {
        return file;
    }

    /** Opens the connection and runs the setup statements. */
    public RecordResult open()
    {
        return onWorker("opening the database", () -> {
            testDir = Files.createTempDirectory("basalt-slt-");
            connection = connectionFactory.get();
            runner = new SltRunner(connection, checkErrorDetails, testDir.toString());
            for (String sql : setupStatements) {
                try {
                    connection.execute(sql);
                }
                catch (SltEngineException e) {
                    return RecordResult.failed("setup statement failed: " + sql + ": " + e.describe());
                }
            }
            return RecordResult.passed();
        });
    }

    public RecordResult run(SltFile.Step step)
    {
        return onWorker("line " + step.record().line(), () -> {
            if (runner == null) {
                return RecordResult.failed("not run: the database could not be opened");
            }
            return runner.run(step);
        });
    }

    /** Closes the connection; fails when it reports leaked memory or cannot close. */
    public RecordResult finish()
    {
        if (finished) {
            return RecordResult.passed();
        }
        finished = true;
        try {
            if (abandoned != null) {
                return RecordResult.failed("database not closed: " + abandoned);
            }
            return onWorker("closing the database", () -> {
                if (connection == null) {
                    deleteTestDir();
                    return RecordResult.passed();
                }
                try {
                    connection.close();
                    return RecordResult.passed();
                }
                catch (RuntimeException e) {
                    return RecordResult.failed("closing the database failed: " + e);
                }
                finally {
                    connection = null;
                    runner = null;
                    deleteTestDir();
                }
            });
        }
        finally {
            worker.shutdownNow();
        }
    }

    @Override
    public void close()
    {
        finish();
    }

    private RecordResult onWorker(String what, Callable<RecordResult> task)
    {
        if (abandoned != null) {
            return RecordResult.failed("not run: " + abandoned);
        }
        CountDownLatch done = new CountDownLatch(1);
        Future<RecordResult> future = worker.submit(() -> {
            try {
                return task.call();
            }
            catch (Throwable t) {
                // Includes OutOfMemoryError/StackOverflowError from the engine: report them as this record's failure.
                return RecordResult.failed("runner error at " + what + ": " + t);
            }
            finally {
                done.countDown();
            }
        });
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException e) {
            future.cancel(true);
            boolean stopped = awaitQuietly(done);
            if (!stopped) {
                abandoned = what + " of " + file.name() + " ran over " + timeout.toSeconds() + " s and did not stop when interrupted";
                return RecordResult.failed("timed out after " + timeout.toSeconds() + " s and did not stop; the rest of the file is not run");
            }
            return RecordResult.failed("timed out after " + timeout.toSeconds() + " s (interrupted)");
        }
        catch (ExecutionException e) {
            return RecordResult.failed("runner error at " + what + ": " + e.getCause());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RecordResult.failed("interrupted");
        }
    }

    private void deleteTestDir()
    {
        if (testDir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(testDir)) {
            List<Path> all = paths.sorted(Comparator.reverseOrder()).toList();
            for (Path path : all) {
                Files.deleteIfExists(path);
            }
        }
        catch (IOException e) {
            // Scratch files in the temp directory are harmless; the test result does not depend on them.
        }
        testDir = null;
    }

    private static boolean awaitQuietly(CountDownLatch latch)
    {
        try {
            return latch.await(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
