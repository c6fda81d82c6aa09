package dev.basalt.jdbc;

import dev.basalt.engine.PreparedInfo;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A statement with {@code ?} parameters. The engine checks the SQL when it is prepared (so syntax errors and
 * unknown tables surface at {@code prepareStatement}) and binds the parameter values on every execution.
 */
final class BasaltPreparedStatement extends BasaltStatement implements PreparedStatement
{
    private final String sql;
    private final PreparedInfo info;
    private final Object[] parameters;
    private final boolean[] bound;
    private final List<Object[]> batch = new ArrayList<>();

    BasaltPreparedStatement(BasaltConnection connection, String sql, PreparedInfo info)
    {
        super(connection);
        this.sql = requireNonNull(sql, "sql is null");
        this.info = requireNonNull(info, "info is null");
        this.parameters = new Object[info.parameterCount()];
        this.bound = new boolean[info.parameterCount()];
    }

    private List<Object> boundParameters() throws SQLException
    {
        for (int i = 0; i < bound.length; i++) {
            if (!bound[i]) {
                throw SqlExceptions.create("no value specified for parameter " + (i + 1), SqlExceptions.WRONG_PARAMETER_COUNT);
            }
        }
        // Arrays.asList: the engine's parameter list may hold nulls
        return Arrays.asList(parameters.clone());
    }

    private void set(int parameterIndex, Object canonicalValue) throws SQLException
    {
        checkOpen();
        if (parameterIndex < 1 || parameterIndex > parameters.length) {
            throw SqlExceptions.create("parameter index " + parameterIndex + " is out of range (1.." + parameters.length + ")", "07009");
        }
        parameters[parameterIndex - 1] = canonicalValue;
        bound[parameterIndex - 1] = true;
    }

    @Override
    public ResultSet executeQuery() throws SQLException
    {
        return runQuery(sql, boundParameters());
    }

    @Override
    public int executeUpdate() throws SQLException
    {
        return saturatedInt(runUpdate(sql, boundParameters()));
    }

    @Override
    public long executeLargeUpdate() throws SQLException
    {
        return runUpdate(sql, boundParameters());
    }

    @Override
    public boolean execute() throws SQLException
    {
        return run(sql, boundParameters());
    }

    @Override
    public void addBatch() throws SQLException
    {
        checkOpen();
        batch.add(boundParameters().toArray());
    }

    @Override
    public void clearBatch() throws SQLException
    {
        checkOpen();
        batch.clear();
    }

    @Override
    public long[] executeLargeBatch() throws SQLException
    {
        checkOpen();
        List<Object[]> entries = List.copyOf(batch);
        batch.clear();
        long[] counts = new long[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            List<Object> values = Arrays.asList(entries.get(i));
            counts[i] = runBatchEntry(i, counts, () -> runUpdate(sql, values));
        }
        return counts;
    }

    @Override
    public void clearParameters() throws SQLException
    {
        checkOpen();
        Arrays.fill(parameters, null);
        Arrays.fill(bound, false);
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException
    {
        checkOpen();
        if (info.resultColumns().isPresent()) {
            return new BasaltResultSetMetaData(info.resultColumns().get());
        }
        ResultSet current = getResultSet();
        return current == null ? null : current.getMetaData();
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException
    {
        checkOpen();
        return new BasaltParameterMetaData(info);
    }

    // ---- setters ----------------------------------------------------------------------------------------------

    @Override
    public void setNull(int parameterIndex, int sqlType) throws SQLException
    {
        set(parameterIndex, null);
    }

    @Override
    public void setNull(int parameterIndex, int sqlType, String typeName) throws SQLException
    {
        set(parameterIndex, null);
    }

    @Override
    public void setBoolean(int parameterIndex, boolean x) throws SQLException
    {
        set(parameterIndex, x);
    }

    @Override
    public void setByte(int parameterIndex, byte x) throws SQLException
    {
        set(parameterIndex, (short) x);
    }

    @Override
    public void setShort(int parameterIndex, short x) throws SQLException
    {
        set(parameterIndex, x);
    }

    @Override
    public void setInt(int parameterIndex, int x) throws SQLException
    {
        set(parameterIndex, x);
    }

    @Override
    public void setLong(int parameterIndex, long x) throws SQLException
    {
        set(parameterIndex, x);
    }

    @Override
    public void setFloat(int parameterIndex, float x) throws SQLException
    {
        set(parameterIndex, x);
    }

    @Override
    public void setDouble(int parameterIndex, double x) throws SQLException
    {
        set(parameterIndex, x);
    }

    @Override
    public void setBigDecimal(int parameterIndex, BigDecimal x) throws SQLException
    {
        set(parameterIndex, x);
    }

    @Override
    public void setString(int parameterIndex, String x) throws SQLException
    {
        set(parameterIndex, x);
    }

    @Override
    public void setNString(int parameterIndex, String value) throws SQLException
    {
        set(parameterIndex, value);
    }

    @Override
    public void setDate(int parameterIndex, Date x) throws SQLException
    {
        set(parameterIndex, ParameterValues.date(x, null));
    }

    @Override
    public void setDate(int parameterIndex, Date x, Calendar cal) throws SQLException
    {
        set(parameterIndex, ParameterValues.date(x, cal));
    }

    @Override
    public void setTimestamp(int parameterIndex, Timestamp x) throws SQLException
    {
        set(parameterIndex, ParameterValues.timestamp(x, null));
    }

    @Override
    public void setTimestamp(int parameterIndex, Timestamp x, Calendar cal) throws SQLException
    {
        set(parameterIndex, ParameterValues.timestamp(x, cal));
    }

    @Override
    public void setTime(int parameterIndex, Time x) throws SQLException
    {
        throw SqlExceptions.notSupported("TIME parameters (Basalt has no TIME type)");
    }

    @Override
    public void setTime(int parameterIndex, Time x, Calendar cal) throws SQLException
    {
        throw SqlExceptions.notSupported("TIME parameters (Basalt has no TIME type)");
    }

    @Override
    public void setObject(int parameterIndex, Object x) throws SQLException
    {
        set(parameterIndex, ParameterValues.canonical(x));
    }

    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException
    {
        set(parameterIndex, ParameterValues.convert(x, targetSqlType));
    }

    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength) throws SQLException
    {
        Object value = ParameterValues.convert(x, targetSqlType);
        if (value instanceof BigDecimal decimal && (targetSqlType == Types.DECIMAL || targetSqlType == Types.NUMERIC)) {
            value = decimal.setScale(scaleOrLength, RoundingMode.HALF_UP);
        }
        set(parameterIndex, value);
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader, int length) throws SQLException
    {
        setCharacterStream(parameterIndex, reader, (long) length);
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader, long length) throws SQLException
    {
        set(parameterIndex, readAll(reader, length));
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader) throws SQLException
    {
        set(parameterIndex, readAll(reader, -1));
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader value, long length) throws SQLException
    {
        setCharacterStream(parameterIndex, value, length);
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader value) throws SQLException
    {
        setCharacterStream(parameterIndex, value);
    }

    private static String readAll(Reader reader, long length) throws SQLException
    {
        if (reader == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        char[] buffer = new char[8192];
        try {
            while (length < 0 || out.length() < length) {
                int wanted = length < 0 ? buffer.length : (int) Math.min(buffer.length, length - out.length());
                int read = reader.read(buffer, 0, wanted);
                if (read < 0) {
                    break;
                }
                out.append(buffer, 0, read);
            }
        }
        catch (IOException e) {
            throw SqlExceptions.create("could not read the parameter stream: " + e.getMessage(), SqlExceptions.INVALID_PARAMETER_VALUE, e);
        }
        return out.toString();
    }

    @Override
    public void setBytes(int parameterIndex, byte[] x) throws SQLException
    {
        set(parameterIndex, x == null ? null : x.clone());
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x, int length) throws SQLException
    {
        throw SqlExceptions.notSupported("setAsciiStream");
    }

    @Override
    @Deprecated
    public void setUnicodeStream(int parameterIndex, InputStream x, int length) throws SQLException
    {
        throw SqlExceptions.notSupported("setUnicodeStream");
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x, int length) throws SQLException
    {
        throw SqlExceptions.notSupported("setBinaryStream");
    }

    @Override
    public void setRef(int parameterIndex, Ref x) throws SQLException
    {
        throw SqlExceptions.notSupported("setRef");
    }

    @Override
    public void setBlob(int parameterIndex, Blob x) throws SQLException
    {
        throw SqlExceptions.notSupported("setBlob");
    }

    @Override
    public void setClob(int parameterIndex, Clob x) throws SQLException
    {
        throw SqlExceptions.notSupported("setClob");
    }

    @Override
    public void setArray(int parameterIndex, Array x) throws SQLException
    {
        throw SqlExceptions.notSupported("setArray");
    }

    @Override
    public void setURL(int parameterIndex, URL x) throws SQLException
    {
        throw SqlExceptions.notSupported("setURL");
    }

    @Override
    public void setRowId(int parameterIndex, RowId x) throws SQLException
    {
        throw SqlExceptions.notSupported("setRowId");
    }

    @Override
    public void setNClob(int parameterIndex, NClob value) throws SQLException
    {
        throw SqlExceptions.notSupported("setNClob");
    }

    @Override
    public void setClob(int parameterIndex, Reader reader, long length) throws SQLException
    {
        throw SqlExceptions.notSupported("setClob");
    }

    @Override
    public void setBlob(int parameterIndex, InputStream inputStream, long length) throws SQLException
    {
        throw SqlExceptions.notSupported("setBlob");
    }

    @Override
    public void setNClob(int parameterIndex, Reader reader, long length) throws SQLException
    {
        throw SqlExceptions.notSupported("setNClob");
    }

    @Override
    public void setSQLXML(int parameterIndex, SQLXML xmlObject) throws SQLException
    {
        throw SqlExceptions.notSupported("setSQLXML");
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x, long length) throws SQLException
    {
        throw SqlExceptions.notSupported("setAsciiStream");
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x, long length) throws SQLException
    {
        throw SqlExceptions.notSupported("setBinaryStream");
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x) throws SQLException
    {
        throw SqlExceptions.notSupported("setAsciiStream");
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x) throws SQLException
    {
        throw SqlExceptions.notSupported("setBinaryStream");
    }

    @Override
    public void setClob(int parameterIndex, Reader reader) throws SQLException
    {
        throw SqlExceptions.notSupported("setClob");
    }

    @Override
    public void setBlob(int parameterIndex, InputStream inputStream) throws SQLException
    {
        throw SqlExceptions.notSupported("setBlob");
    }

    @Override
    public void setNClob(int parameterIndex, Reader reader) throws SQLException
    {
        throw SqlExceptions.notSupported("setNClob");
    }

    // ---- the SQL-taking Statement methods do not apply to a prepared statement ---------------------------------

    private static SQLException sqlOnPrepared()
    {
        return SqlExceptions.create("methods that take SQL text cannot be called on a PreparedStatement", "HY000");
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException
    {
        throw sqlOnPrepared();
    }

    @Override
    public int executeUpdate(String sql) throws SQLException
    {
        throw sqlOnPrepared();
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException
    {
        throw sqlOnPrepared();
    }

    @Override
    public boolean execute(String sql) throws SQLException
    {
        throw sqlOnPrepared();
    }

    @Override
    public void addBatch(String sql) throws SQLException
    {
        throw sqlOnPrepared();
    }
}
