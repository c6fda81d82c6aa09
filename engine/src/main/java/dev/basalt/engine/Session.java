package dev.basalt.engine;

import java.util.List;

/**
 * A connection-like handle on a {@link Database}: runs one statement at a time. Not thread-safe.
 * Errors are always {@link dev.basalt.spi.error.BasaltException}s carrying a SQLSTATE.
 */
public final class Session implements AutoCloseable
{
    /** Runs exactly one statement (a trailing ';' is allowed). The caller closes the result. */
    public QueryResult execute(String sql)
    {
        return execute(sql, List.of());
    }

    /**
     * Runs one statement whose {@code ?} parameters take {@code parameters} in order (Java objects as in
     * {@link dev.basalt.spi.value.Values}; null = NULL).
     */
    public QueryResult execute(String sql, List<Object> parameters)
    {
        throw new UnsupportedOperationException("TODO");
    }

    /** Number of '?' parameters of a statement, and their inferred types where known (for PreparedStatement). */
    public PreparedInfo prepare(String sql)
    {
        throw new UnsupportedOperationException("TODO");
    }

    /** The tables of the database as this session sees them, sorted by name (for JDBC metadata and the shell). */
    public List<dev.basalt.spi.catalog.TableSchema> listTables()
    {
        throw new UnsupportedOperationException("TODO");
    }

    @Override
    public void close()
    {
    }
}
