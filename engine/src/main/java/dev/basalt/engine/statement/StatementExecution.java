package dev.basalt.engine.statement;

import dev.basalt.engine.QueryResult;

/** Runs one kind of statement. Implementations are created per statement and used once. */
public interface StatementExecution
{
    /**
     * Runs the statement. Non-queries finish before returning; queries return a result that owns the query's
     * memory until closed.
     */
    QueryResult execute(StatementContext context);
}
