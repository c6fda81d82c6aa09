package dev.basalt.sqllogictest;

import static java.util.Objects.requireNonNull;

/**
 * A {@code skipif <engine>} or {@code onlyif <engine>} guard in front of a record.
 *
 * <p>Rule: the runner acts as exactly one engine (Basalt runs as {@code basalt}, the DuckDB cross-check as
 * {@code duckdb}). {@code skipif X} skips the record only when X is that engine; {@code onlyif X} runs it only
 * when X is that engine. So SQLite corpus guards for mysql/mssql/oracle/postgresql/sqlite never apply to us
 * under {@code skipif}, and every {@code onlyif} of another engine is skipped.
 */
public record Condition(boolean onlyIf, String engine)
{
    public Condition
    {
        requireNonNull(engine, "engine is null");
    }

    /** Whether this guard lets the record run on {@code engineName}. */
    public boolean allows(String engineName)
    {
        boolean same = engine.equalsIgnoreCase(engineName);
        return onlyIf == same;
    }

    @Override
    public String toString()
    {
        return (onlyIf ? "onlyif " : "skipif ") + engine;
    }
}
