package dev.basalt.engine.statement;

import java.util.concurrent.Executor;

import static java.util.Objects.requireNonNull;

/**
 * The database's shared pool for parallel query pipelines and the table size from which a pipeline uses it:
 * {@code minRowsPerThread} rows per worker ({@code DatabaseOptions.parallelMinRows}).
 */
public record QueryWorkers(Executor executor, long minRowsPerThread)
{
    public QueryWorkers
    {
        requireNonNull(executor, "executor is null");
        if (minRowsPerThread < 1) {
            throw new IllegalArgumentException("minRowsPerThread must be positive: " + minRowsPerThread);
        }
    }
}
