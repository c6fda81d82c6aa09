package dev.basalt.jdbc;

import dev.basalt.engine.Database;
import dev.basalt.engine.PreparedInfo;
import dev.basalt.engine.QueryResult;
import dev.basalt.engine.Session;
import dev.basalt.spi.catalog.TableSchema;

import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executor;

import static java.util.Objects.requireNonNull;

/**
 * A JDBC connection: one engine {@link Session} on a (possibly shared) {@link Database}. Every call into the
 * session, including fetching the next batch of an open result set, holds this connection's lock, because a
 * session is not thread-safe.
 *
 * <p>Transactions: in auto-commit mode (the default) every statement commits on its own. With
 * {@code setAutoCommit(false)} the first statement opens a transaction (the engine's BEGIN: snapshot isolation,
 * reported as REPEATABLE READ) that lasts until {@code commit()} / {@code rollback()}; after a failed statement the
 * transaction only accepts a rollback (25P02), and {@code commit()} then rolls back and throws 25P02.
 * {@code setAutoCommit(true)} commits an open transaction; closing the connection rolls it back.
 */
public final class BasaltConnection implements Connection
{
    static final String SCHEMA = "main";

    private final String url;
    private final DatabaseLease lease;
    private final Session session;
    private final Object lock = new Object();
    private final Set<BasaltStatement> statements = new LinkedHashSet<>();
    private final Properties clientInfo = new Properties();
    private volatile boolean closed;
    private boolean readOnly;
    private boolean autoCommit = true;

    BasaltConnection(String url, DatabaseLease lease) throws SQLException
    {
        this.url = requireNonNull(url, "url is null");
        this.lease = requireNonNull(lease, "lease is null");
        try {
            this.session = lease.database().newSession();
        }
        catch (RuntimeException | Error e) {
            SQLException failure = SqlExceptions.from(e);
            try {
                lease.release();
            }
            catch (RuntimeException | Error suppressed) {
                failure.addSuppressed(suppressed);
            }
            throw failure;
        }
    }

    Object lock()
    {
        return lock;
    }

    String url()
    {
        return url;
    }

    void checkOpen() throws SQLException
    {
        if (closed) {
            throw SqlExceptions.create("the connection is closed", SqlExceptions.CONNECTION_DOES_NOT_EXIST);
        }
    }

    /** Runs one statement; the caller owns the result. */
    QueryResult execute(String sql, List<Object> parameters) throws SQLException
    {
        if (sql == null) {
            throw SqlExceptions.create("SQL text is null", SqlExceptions.INVALID_PARAMETER_VALUE);
        }
        synchronized (lock) {
            checkOpen();
            try {
                if (!autoCommit && !session.inTransaction() && !isTransactionControl(sql)) {
                    session.execute("BEGIN").close();
                }
                return session.execute(sql, parameters);
            }
            catch (RuntimeException | Error e) {
                throw SqlExceptions.from(e);
            }
        }
    }

    PreparedInfo prepare(String sql) throws SQLException
    {
        if (sql == null) {
            throw SqlExceptions.create("SQL text is null", SqlExceptions.INVALID_PARAMETER_VALUE);
        }
        synchronized (lock) {
            checkOpen();
            try {
                return session.prepare(sql);
            }
            catch (RuntimeException | Error e) {
                throw SqlExceptions.from(e);
            }
        }
    }

    /** BEGIN / COMMIT / ... written by the user: manual mode must not open a transaction in front of them. */
    private static boolean isTransactionControl(String sql)
    {
        String text = sql.stripLeading();
        int end = 0;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        String word = text.substring(0, end).toUpperCase(Locale.ROOT);
        return switch (word) {
            case "BEGIN", "START", "COMMIT", "END", "ROLLBACK", "ABORT" -> true;
            default -> false;
        };
    }

    /** Runs COMMIT or ROLLBACK when a transaction is open. */
    private void endTransaction(String statement) throws SQLException
    {
        synchronized (lock) {
            checkOpen();
            if (!session.inTransaction()) {
                return;
            }
            try {
                session.execute(statement).close();
            }
            catch (RuntimeException | Error e) {
                throw SqlExceptions.from(e);
            }
        }
    }

    List<TableSchema> listViews() throws SQLException
    {
        synchronized (lock) {
            checkOpen();
            try {
                return session.listViews();
            }
            catch (RuntimeException | Error e) {
                throw SqlExceptions.from(e);
            }
        }
    }

    List<TableSchema> listTables() throws SQLException
    {
        synchronized (lock) {
            checkOpen();
            try {
                return session.listTables();
            }
            catch (RuntimeException | Error e) {
                throw SqlExceptions.from(e);
            }
        }
    }

    void register(BasaltStatement statement)
    {
        synchronized (statements) {
            statements.add(statement);
        }
    }

    void unregister(BasaltStatement statement)
    {
        synchronized (statements) {
            statements.remove(statement);
        }
    }

    @Override
    public Statement createStatement() throws SQLException
    {
        checkOpen();
        BasaltStatement statement = new BasaltStatement(this);
        register(statement);
        return statement;
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException
    {
        checkOpen();
        BasaltPreparedStatement statement = new BasaltPreparedStatement(this, sql, prepare(sql));
        register(statement);
        return statement;
    }

    @Override
    public CallableStatement prepareCall(String sql) throws SQLException
    {
        throw SqlExceptions.notSupported("prepareCall (use a Statement to run CALL)");
    }

    @Override
    public String nativeSQL(String sql) throws SQLException
    {
        checkOpen();
        // no JDBC escape processing: the SQL goes to the engine as written
        return sql;
    }

    @Override
    public void setAutoCommit(boolean autoCommit) throws SQLException
    {
        checkOpen();
        if (autoCommit && !this.autoCommit) {
            // JDBC: switching auto-commit on commits the open transaction
            endTransaction("COMMIT");
        }
        this.autoCommit = autoCommit;
    }

    @Override
    public boolean getAutoCommit() throws SQLException
    {
        checkOpen();
        return autoCommit;
    }

    @Override
    public void commit() throws SQLException
    {
        // in auto-commit mode nothing is pending: a no-op
        endTransaction("COMMIT");
    }

    @Override
    public void rollback() throws SQLException
    {
        endTransaction("ROLLBACK");
    }

    @Override
    public void close() throws SQLException
    {
        if (closed) {
            return;
        }
        List<BasaltStatement> open;
        synchronized (statements) {
            open = new ArrayList<>(statements);
        }
        SQLException failure = null;
        for (BasaltStatement statement : open) {
            try {
                statement.close();
            }
            catch (SQLException e) {
                failure = chain(failure, e);
            }
        }
        synchronized (lock) {
            closed = true;
            try {
                session.close();
            }
            catch (RuntimeException | Error e) {
                failure = chain(failure, SqlExceptions.from(e));
            }
            try {
                lease.release();
            }
            catch (RuntimeException | Error e) {
                failure = chain(failure, SqlExceptions.from(e));
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static SQLException chain(SQLException first, SQLException next)
    {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    @Override
    public boolean isClosed()
    {
        return closed;
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException
    {
        checkOpen();
        return new BasaltDatabaseMetaData(this);
    }

    @Override
    public void setReadOnly(boolean readOnly) throws SQLException
    {
        checkOpen();
        // a hint the driver may ignore (JDBC); remembered so getReadOnly answers consistently
        this.readOnly = readOnly;
    }

    @Override
    public boolean isReadOnly() throws SQLException
    {
        checkOpen();
        return readOnly;
    }

    @Override
    public void setCatalog(String catalog) throws SQLException
    {
        checkOpen();
        // no catalogs: ignored, as JDBC allows
    }

    @Override
    public String getCatalog() throws SQLException
    {
        checkOpen();
        return null;
    }

    @Override
    public void setTransactionIsolation(int level) throws SQLException
    {
        checkOpen();
        // snapshot isolation serves the weaker levels too (JDBC allows a stricter level than asked for)
        if (level != TRANSACTION_READ_UNCOMMITTED && level != TRANSACTION_READ_COMMITTED && level != TRANSACTION_REPEATABLE_READ) {
            throw SqlExceptions.notSupported("transaction isolation level " + level + " (Basalt has snapshot isolation: REPEATABLE READ)");
        }
    }

    @Override
    public int getTransactionIsolation() throws SQLException
    {
        checkOpen();
        return TRANSACTION_REPEATABLE_READ;
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
    public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException
    {
        checkResultSetKind(resultSetType, resultSetConcurrency);
        return createStatement();
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency) throws SQLException
    {
        checkResultSetKind(resultSetType, resultSetConcurrency);
        return prepareStatement(sql);
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency) throws SQLException
    {
        return prepareCall(sql);
    }

    @Override
    public Map<String, Class<?>> getTypeMap() throws SQLException
    {
        checkOpen();
        return Map.of();
    }

    @Override
    public void setTypeMap(Map<String, Class<?>> map) throws SQLException
    {
        throw SqlExceptions.notSupported("type maps");
    }

    @Override
    public void setHoldability(int holdability) throws SQLException
    {
        checkOpen();
        if (holdability != ResultSet.HOLD_CURSORS_OVER_COMMIT) {
            throw SqlExceptions.notSupported("holdability other than HOLD_CURSORS_OVER_COMMIT");
        }
    }

    @Override
    public int getHoldability() throws SQLException
    {
        checkOpen();
        return ResultSet.HOLD_CURSORS_OVER_COMMIT;
    }

    @Override
    public Savepoint setSavepoint() throws SQLException
    {
        throw SqlExceptions.notSupported("savepoints");
    }

    @Override
    public Savepoint setSavepoint(String name) throws SQLException
    {
        throw SqlExceptions.notSupported("savepoints");
    }

    @Override
    public void rollback(Savepoint savepoint) throws SQLException
    {
        throw SqlExceptions.notSupported("savepoints");
    }

    @Override
    public void releaseSavepoint(Savepoint savepoint) throws SQLException
    {
        throw SqlExceptions.notSupported("savepoints");
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException
    {
        checkResultSetKind(resultSetType, resultSetConcurrency);
        setHoldability(resultSetHoldability);
        return createStatement();
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException
    {
        checkResultSetKind(resultSetType, resultSetConcurrency);
        setHoldability(resultSetHoldability);
        return prepareStatement(sql);
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException
    {
        return prepareCall(sql);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException
    {
        if (autoGeneratedKeys == Statement.RETURN_GENERATED_KEYS) {
            throw SqlExceptions.notSupported("generated keys");
        }
        return prepareStatement(sql);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException
    {
        throw SqlExceptions.notSupported("generated keys");
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException
    {
        throw SqlExceptions.notSupported("generated keys");
    }

    @Override
    public Clob createClob() throws SQLException
    {
        throw SqlExceptions.notSupported("Clob");
    }

    @Override
    public Blob createBlob() throws SQLException
    {
        throw SqlExceptions.notSupported("Blob");
    }

    @Override
    public NClob createNClob() throws SQLException
    {
        throw SqlExceptions.notSupported("NClob");
    }

    @Override
    public SQLXML createSQLXML() throws SQLException
    {
        throw SqlExceptions.notSupported("SQLXML");
    }

    @Override
    public boolean isValid(int timeout) throws SQLException
    {
        if (timeout < 0) {
            throw SqlExceptions.create("timeout must be >= 0: " + timeout, SqlExceptions.INVALID_PARAMETER_VALUE);
        }
        // embedded: an open connection has nothing between it and the database that could fail
        return !closed;
    }

    @Override
    public void setClientInfo(String name, String value) throws SQLClientInfoException
    {
        if (closed) {
            throw new SQLClientInfoException("the connection is closed", SqlExceptions.CONNECTION_DOES_NOT_EXIST, 0, Map.of());
        }
        if (value == null) {
            clientInfo.remove(name);
        }
        else {
            clientInfo.setProperty(name, value);
        }
    }

    @Override
    public void setClientInfo(Properties properties) throws SQLClientInfoException
    {
        if (closed) {
            throw new SQLClientInfoException("the connection is closed", SqlExceptions.CONNECTION_DOES_NOT_EXIST, 0, Map.of());
        }
        clientInfo.clear();
        if (properties != null) {
            clientInfo.putAll(properties);
        }
    }

    @Override
    public String getClientInfo(String name) throws SQLException
    {
        checkOpen();
        return clientInfo.getProperty(name);
    }

    @Override
    public Properties getClientInfo() throws SQLException
    {
        checkOpen();
        Properties copy = new Properties();
        copy.putAll(clientInfo);
        return copy;
    }

    @Override
    public Array createArrayOf(String typeName, Object[] elements) throws SQLException
    {
        throw SqlExceptions.notSupported("arrays");
    }

    @Override
    public Struct createStruct(String typeName, Object[] attributes) throws SQLException
    {
        throw SqlExceptions.notSupported("structs");
    }

    @Override
    public void setSchema(String schema) throws SQLException
    {
        checkOpen();
        if (schema != null && !schema.equals(SCHEMA)) {
            throw SqlExceptions.create("schema \"" + schema + "\" does not exist (Basalt has one schema, " + SCHEMA + ")", "3F000");
        }
    }

    @Override
    public String getSchema() throws SQLException
    {
        checkOpen();
        return SCHEMA;
    }

    @Override
    public void abort(Executor executor) throws SQLException
    {
        if (executor == null) {
            throw SqlExceptions.create("executor is null", SqlExceptions.INVALID_PARAMETER_VALUE);
        }
        close();
    }

    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException
    {
        throw SqlExceptions.notSupported("network timeouts (the driver is embedded)");
    }

    @Override
    public int getNetworkTimeout() throws SQLException
    {
        checkOpen();
        return 0;
    }

    /** Besides JDBC interfaces, unwraps to the engine's {@link Session} and {@link Database} for embedded use. */
    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException
    {
        if (iface == Session.class) {
            return iface.cast(session);
        }
        if (iface == Database.class) {
            return iface.cast(lease.database());
        }
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw SqlExceptions.create("not a wrapper for " + iface.getName(), "HY000");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface)
    {
        return iface == Session.class || iface == Database.class || iface.isInstance(this);
    }

    private void checkResultSetKind(int resultSetType, int resultSetConcurrency) throws SQLException
    {
        checkOpen();
        if (resultSetType != ResultSet.TYPE_FORWARD_ONLY) {
            throw SqlExceptions.notSupported("scrollable result sets");
        }
        if (resultSetConcurrency != ResultSet.CONCUR_READ_ONLY) {
            throw SqlExceptions.notSupported("updatable result sets");
        }
    }
}
