package dev.basalt.jdbc;

import dev.basalt.engine.QueryResult;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A JDBC statement: runs one SQL statement at a time through its connection's session. A query's rows stream
 * through a {@link BasaltResultSet}; running the next statement closes the previous result set.
 * Query timeouts are remembered but not enforced and {@link #cancel()} is not supported: the engine cannot
 * interrupt a running query yet.
 */
class BasaltStatement implements Statement
{
    protected final BasaltConnection connection;
    private final List<String> batch = new ArrayList<>();
    private AbstractResultSet resultSet;
    private long updateCount = -1;
    private long maxRows;
    private int queryTimeout;
    private int fetchSize;
    private boolean poolable;
    private boolean closeOnCompletion;
    private boolean closed;

    BasaltStatement(BasaltConnection connection)
    {
        this.connection = requireNonNull(connection, "connection is null");
    }

    /** Runs {@code sql}; true when it produced a result set (see {@link #getResultSet()}). */
    protected final boolean run(String sql, List<Object> parameters) throws SQLException
    {
        checkOpen();
        closeResultSet();
        updateCount = -1;
        QueryResult result = connection.execute(sql, parameters);
        boolean isQuery;
        try {
            isQuery = result.isQuery();
            if (!isQuery) {
                updateCount = Math.max(0, result.updateCount());
            }
        }
        catch (RuntimeException | Error e) {
            closeQuietly(result);
            throw SqlExceptions.from(e);
        }
        if (isQuery) {
            resultSet = new BasaltResultSet(connection.lock(), this, result, maxRows);
            return true;
        }
        try {
            result.close();
        }
        catch (RuntimeException | Error e) {
            throw SqlExceptions.from(e);
        }
        return false;
    }

    protected final ResultSet runQuery(String sql, List<Object> parameters) throws SQLException
    {
        if (!run(sql, parameters)) {
            throw SqlExceptions.create("the statement returned no rows: use executeUpdate() or execute() for statements other than queries", "02000");
        }
        return resultSet;
    }

    protected final long runUpdate(String sql, List<Object> parameters) throws SQLException
    {
        if (run(sql, parameters)) {
            closeResultSet();
            throw SqlExceptions.create("the statement returned rows: use executeQuery() or execute() for queries", "0100E");
        }
        return updateCount;
    }

    private static void closeQuietly(QueryResult result)
    {
        try {
            result.close();
        }
        catch (RuntimeException | Error ignored) {
            // the original failure is the one to report
        }
    }

    void resultSetClosed(AbstractResultSet closedResultSet) throws SQLException
    {
        if (resultSet == closedResultSet) {
            resultSet = null;
            if (closeOnCompletion) {
                close();
            }
        }
    }

    protected final void checkOpen() throws SQLException
    {
        if (closed) {
            throw SqlExceptions.create("the statement is closed", SqlExceptions.CONNECTION_DOES_NOT_EXIST);
        }
        connection.checkOpen();
    }

    private void closeResultSet() throws SQLException
    {
        if (resultSet != null) {
            AbstractResultSet old = resultSet;
            resultSet = null;
            old.close();
        }
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException
    {
        return runQuery(sql, List.of());
    }

    @Override
    public int executeUpdate(String sql) throws SQLException
    {
        return saturatedInt(runUpdate(sql, List.of()));
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException
    {
        return runUpdate(sql, List.of());
    }

    @Override
    public boolean execute(String sql) throws SQLException
    {
        return run(sql, List.of());
    }

    @Override
    public void close() throws SQLException
    {
        if (closed) {
            return;
        }
        closed = true;
        try {
            closeResultSet();
        }
        finally {
            connection.unregister(this);
        }
    }

    @Override
    public boolean isClosed()
    {
        return closed;
    }

    @Override
    public int getMaxFieldSize() throws SQLException
    {
        checkOpen();
        return 0;
    }

    @Override
    public void setMaxFieldSize(int max) throws SQLException
    {
        checkOpen();
        if (max < 0) {
            throw SqlExceptions.create("max field size must be >= 0: " + max, SqlExceptions.INVALID_PARAMETER_VALUE);
        }
        // no limit is applied: values are returned whole
    }

    @Override
    public int getMaxRows() throws SQLException
    {
        return saturatedInt(getLargeMaxRows());
    }

    @Override
    public void setMaxRows(int max) throws SQLException
    {
        setLargeMaxRows(max);
    }

    @Override
    public long getLargeMaxRows() throws SQLException
    {
        checkOpen();
        return maxRows;
    }

    @Override
    public void setLargeMaxRows(long max) throws SQLException
    {
        checkOpen();
        if (max < 0) {
            throw SqlExceptions.create("max rows must be >= 0: " + max, SqlExceptions.INVALID_PARAMETER_VALUE);
        }
        maxRows = max;
    }

    @Override
    public void setEscapeProcessing(boolean enable) throws SQLException
    {
        checkOpen();
        // JDBC escape syntax ({d ...}, {fn ...}) is not translated either way; SQL goes to the engine as written
    }

    @Override
    public int getQueryTimeout() throws SQLException
    {
        checkOpen();
        return queryTimeout;
    }

    @Override
    public void setQueryTimeout(int seconds) throws SQLException
    {
        checkOpen();
        if (seconds < 0) {
            throw SqlExceptions.create("query timeout must be >= 0: " + seconds, SqlExceptions.INVALID_PARAMETER_VALUE);
        }
        // remembered, not enforced: the engine cannot interrupt a query yet
        queryTimeout = seconds;
    }

    @Override
    public void cancel() throws SQLException
    {
        throw SqlExceptions.notSupported("cancelling a running statement");
    }

    @Override
    public SQLWarning getWarnings() throws SQLException
    {
        checkOpen();
        return null;
    }

    @Override
    public void clearWarnings() throws SQLException
    {
        checkOpen();
    }

    @Override
    public void setCursorName(String name) throws SQLException
    {
        throw SqlExceptions.notSupported("named cursors");
    }

    @Override
    public ResultSet getResultSet() throws SQLException
    {
        checkOpen();
        return resultSet;
    }

    @Override
    public int getUpdateCount() throws SQLException
    {
        return saturatedInt(getLargeUpdateCount());
    }

    @Override
    public long getLargeUpdateCount() throws SQLException
    {
        checkOpen();
        return updateCount;
    }

    @Override
    public boolean getMoreResults() throws SQLException
    {
        return getMoreResults(CLOSE_CURRENT_RESULT);
    }

    @Override
    public boolean getMoreResults(int current) throws SQLException
    {
        checkOpen();
        if (current != KEEP_CURRENT_RESULT) {
            closeResultSet();
        }
        resultSet = null;
        updateCount = -1;
        return false;
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException
    {
        checkOpen();
        if (direction != ResultSet.FETCH_FORWARD) {
            throw SqlExceptions.notSupported("fetch directions other than FETCH_FORWARD");
        }
    }

    @Override
    public int getFetchDirection() throws SQLException
    {
        checkOpen();
        return ResultSet.FETCH_FORWARD;
    }

    @Override
    public void setFetchSize(int rows) throws SQLException
    {
        checkOpen();
        if (rows < 0) {
            throw SqlExceptions.create("fetch size must be >= 0: " + rows, SqlExceptions.INVALID_PARAMETER_VALUE);
        }
        // a hint only: rows always arrive in the engine's batches
        fetchSize = rows;
    }

    @Override
    public int getFetchSize() throws SQLException
    {
        checkOpen();
        return fetchSize;
    }

    @Override
    public int getResultSetConcurrency() throws SQLException
    {
        checkOpen();
        return ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public int getResultSetType() throws SQLException
    {
        checkOpen();
        return ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public void addBatch(String sql) throws SQLException
    {
        checkOpen();
        if (sql == null) {
            throw SqlExceptions.create("SQL text is null", SqlExceptions.INVALID_PARAMETER_VALUE);
        }
        batch.add(sql);
    }

    @Override
    public void clearBatch() throws SQLException
    {
        checkOpen();
        batch.clear();
    }

    @Override
    public int[] executeBatch() throws SQLException
    {
        long[] counts = executeLargeBatch();
        int[] result = new int[counts.length];
        for (int i = 0; i < counts.length; i++) {
            result[i] = saturatedInt(counts[i]);
        }
        return result;
    }

    @Override
    public long[] executeLargeBatch() throws SQLException
    {
        checkOpen();
        List<String> statements = List.copyOf(batch);
        batch.clear();
        long[] counts = new long[statements.size()];
        for (int i = 0; i < statements.size(); i++) {
            String sql = statements.get(i);
            counts[i] = runBatchEntry(i, counts, () -> runUpdate(sql, List.of()));
        }
        return counts;
    }

    /** One unit of a batch. */
    protected interface BatchEntry
    {
        long run() throws SQLException;
    }

    /** Runs a batch entry, turning its failure into the BatchUpdateException JDBC asks for. */
    protected static long runBatchEntry(int index, long[] counts, BatchEntry entry) throws SQLException
    {
        try {
            return entry.run();
        }
        catch (SQLException e) {
            long[] done = Arrays.copyOf(counts, index);
            throw new BatchUpdateException("batch entry " + (index + 1) + " failed: " + e.getMessage(), e.getSQLState(), e.getErrorCode(), done, e);
        }
    }

    @Override
    public Connection getConnection() throws SQLException
    {
        checkOpen();
        return connection;
    }

    @Override
    public ResultSet getGeneratedKeys() throws SQLException
    {
        checkOpen();
        return ListResultSet.empty(List.of());
    }

    @Override
    public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException
    {
        checkNoGeneratedKeys(autoGeneratedKeys);
        return executeUpdate(sql);
    }

    @Override
    public int executeUpdate(String sql, int[] columnIndexes) throws SQLException
    {
        throw SqlExceptions.notSupported("generated keys");
    }

    @Override
    public int executeUpdate(String sql, String[] columnNames) throws SQLException
    {
        throw SqlExceptions.notSupported("generated keys");
    }

    @Override
    public boolean execute(String sql, int autoGeneratedKeys) throws SQLException
    {
        checkNoGeneratedKeys(autoGeneratedKeys);
        return execute(sql);
    }

    @Override
    public boolean execute(String sql, int[] columnIndexes) throws SQLException
    {
        throw SqlExceptions.notSupported("generated keys");
    }

    @Override
    public boolean execute(String sql, String[] columnNames) throws SQLException
    {
        throw SqlExceptions.notSupported("generated keys");
    }

    @Override
    public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException
    {
        checkNoGeneratedKeys(autoGeneratedKeys);
        return executeLargeUpdate(sql);
    }

    @Override
    public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException
    {
        throw SqlExceptions.notSupported("generated keys");
    }

    @Override
    public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException
    {
        throw SqlExceptions.notSupported("generated keys");
    }

    private static void checkNoGeneratedKeys(int autoGeneratedKeys) throws SQLException
    {
        if (autoGeneratedKeys == RETURN_GENERATED_KEYS) {
            throw SqlExceptions.notSupported("generated keys");
        }
    }

    @Override
    public int getResultSetHoldability() throws SQLException
    {
        checkOpen();
        return ResultSet.HOLD_CURSORS_OVER_COMMIT;
    }

    @Override
    public void setPoolable(boolean poolable) throws SQLException
    {
        checkOpen();
        this.poolable = poolable;
    }

    @Override
    public boolean isPoolable() throws SQLException
    {
        checkOpen();
        return poolable;
    }

    @Override
    public void closeOnCompletion() throws SQLException
    {
        checkOpen();
        closeOnCompletion = true;
    }

    @Override
    public boolean isCloseOnCompletion() throws SQLException
    {
        checkOpen();
        return closeOnCompletion;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException
    {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw SqlExceptions.create("not a wrapper for " + iface.getName(), "HY000");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface)
    {
        return iface.isInstance(this);
    }

    static int saturatedInt(long value)
    {
        return value > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) value;
    }
}
