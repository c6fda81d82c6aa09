package dev.basalt.jdbc;

import dev.basalt.engine.DatabaseOptions;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The Basalt JDBC driver: {@code jdbc:basalt:} (a new in-memory database per connection),
 * {@code jdbc:basalt:memory:NAME} (an in-memory database shared by name) and {@code jdbc:basalt:/path/to/db}
 * (a directory, shared by every connection of this JVM). See {@link BasaltUrl} for settings.
 */
public final class BasaltDriver implements Driver
{
    public static final String NAME = "Basalt JDBC Driver";

    static {
        // before anything touches Netty: see ArrowSupport
        ArrowSupport.configureNetty();
        try {
            DriverManager.registerDriver(new BasaltDriver());
        }
        catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException
    {
        if (!acceptsURL(url)) {
            // JDBC: return null so DriverManager asks the next driver
            return null;
        }
        BasaltUrl parsed;
        DatabaseOptions options;
        try {
            parsed = BasaltUrl.parse(url);
            options = ConnectionSettings.from(parsed, info).toOptions();
        }
        catch (IllegalArgumentException e) {
            throw SqlExceptions.create(e.getMessage(), SqlExceptions.UNABLE_TO_CONNECT, e);
        }
        ArrowSupport.check();
        DatabaseLease lease;
        try {
            lease = DatabaseRegistry.INSTANCE.acquire(parsed, options);
        }
        catch (RuntimeException | Error e) {
            SQLException failure = SqlExceptions.from(e);
            if (failure.getSQLState() != null && failure.getSQLState().startsWith("08")) {
                throw failure;
            }
            throw SqlExceptions.create("cannot open " + describe(parsed) + ": " + failure.getMessage(), failure.getSQLState(), e);
        }
        return new BasaltConnection(url, lease);
    }

    private static String describe(BasaltUrl url)
    {
        if (url.path().isPresent()) {
            return "database " + url.path().get();
        }
        return url.name().map(name -> "in-memory database " + name).orElse("an in-memory database");
    }

    @Override
    public boolean acceptsURL(String url)
    {
        return BasaltUrl.accepts(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info)
    {
        DriverPropertyInfo memoryLimit = new DriverPropertyInfo(ConnectionSettings.MEMORY_LIMIT, info == null ? null : info.getProperty(ConnectionSettings.MEMORY_LIMIT));
        memoryLimit.description = "Arrow memory all queries of the database may hold, e.g. 4GB (default: the JVM's max heap)";
        DriverPropertyInfo queryMemoryLimit = new DriverPropertyInfo(ConnectionSettings.QUERY_MEMORY_LIMIT, info == null ? null : info.getProperty(ConnectionSettings.QUERY_MEMORY_LIMIT));
        queryMemoryLimit.description = "Arrow memory one query may hold, e.g. 1GB (default: memory_limit)";
        return new DriverPropertyInfo[] {memoryLimit, queryMemoryLimit};
    }

    @Override
    public int getMajorVersion()
    {
        return DriverVersion.major();
    }

    @Override
    public int getMinorVersion()
    {
        return DriverVersion.minor();
    }

    /** Not yet: the driver does not pass the JDBC compliance tests (no transactions, no escape syntax). */
    @Override
    public boolean jdbcCompliant()
    {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException
    {
        throw SqlExceptions.notSupported("java.util.logging");
    }
}
