package dev.basalt.sqllogictest;

/**
 * The engine under test, one statement at a time. Implementations are used from one thread at a time.
 * Errors the SQL causes are thrown as {@link SltEngineException}.
 */
public interface SltConnection extends AutoCloseable
{
    ExecutionResult execute(String sql);

    /** Releases everything; fails (IllegalStateException) when the engine leaked memory. */
    @Override
    void close();
}
