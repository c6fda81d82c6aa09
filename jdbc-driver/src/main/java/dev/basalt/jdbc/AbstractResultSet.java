package dev.basalt.jdbc;

import dev.basalt.spi.catalog.Column;

import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The forward-only, read-only ResultSet logic shared by query results and metadata results: cursor checks,
 * column lookup by label, and every getter, all expressed through {@link #value(int)} (the canonical Java
 * value of a column of the current row).
 */
abstract class AbstractResultSet implements ResultSet
{
    private final List<Column> columns;
    private final Map<String, Integer> labels = new HashMap<>();
    private final Statement statement;
    private final long maxRows;
    private boolean wasNull;
    private boolean closed;
    private boolean released;
    private long row;
    private boolean afterLast;

    /** @param maxRows the most rows next() returns (Statement.setMaxRows), 0 for all */
    AbstractResultSet(List<Column> columns, Statement statement, long maxRows)
    {
        this.columns = List.copyOf(requireNonNull(columns, "columns is null"));
        this.statement = statement;
        this.maxRows = maxRows;
        // JDBC: labels are case-insensitive and the first of duplicate labels wins
        for (int i = columns.size() - 1; i >= 0; i--) {
            labels.put(columns.get(i).name().toLowerCase(Locale.ROOT), i + 1);
        }
    }

    /** Moves to the next row; false past the end. Only called while open and not yet past the end. */
    protected abstract boolean advance() throws SQLException;

    /** The canonical value of column {@code index} (0-based) in the current row; a row is current. */
    protected abstract Object read(int index) throws SQLException;

    /** Whether a first row exists, before next() was called (may fetch ahead). */
    protected abstract boolean hasFirstRow() throws SQLException;

    /** Releases resources; called once, at close or when the rows ran out. */
    protected abstract void release() throws SQLException;

    /** Called once when the result set is closed (after {@link #release()}). */
    protected void afterClose() throws SQLException
    {
    }

    final List<Column> columns()
    {
        return columns;
    }

    /** Reads column {@code columnIndex} (1-based) of the current row, recording wasNull. */
    protected final Object value(int columnIndex) throws SQLException
    {
        checkRow(columnIndex);
        Object value = read(columnIndex - 1);
        wasNull = value == null;
        return value;
    }

    /** For subclasses' fast getters, which read without {@link #value(int)}. */
    protected final void setWasNull(boolean value)
    {
        wasNull = value;
    }

    protected final void checkColumn(int columnIndex) throws SQLException
    {
        checkOpen();
        if (columnIndex < 1 || columnIndex > columns.size()) {
            throw SqlExceptions.create("column index " + columnIndex + " is out of range (1.." + columns.size() + ")", "07009");
        }
    }

    /** Checks the column index and that the cursor is on a row. */
    protected final void checkRow(int columnIndex) throws SQLException
    {
        checkColumn(columnIndex);
        if (row == 0 || afterLast) {
            throw SqlExceptions.create(row == 0 && !afterLast ? "the cursor is before the first row: call next() first" : "the cursor is after the last row", SqlExceptions.INVALID_CURSOR_STATE);
        }
    }

    protected final void checkOpen() throws SQLException
    {
        if (closed) {
            throw SqlExceptions.create("the result set is closed", SqlExceptions.CONNECTION_DOES_NOT_EXIST);
        }
    }

    @Override
    public final boolean next() throws SQLException
    {
        checkOpen();
        if (afterLast) {
            return false;
        }
        if ((maxRows > 0 && row >= maxRows) || !advance()) {
            afterLast = true;
            releaseOnce();
            return false;
        }
        row++;
        return true;
    }

    private void releaseOnce() throws SQLException
    {
        if (!released) {
            released = true;
            release();
        }
    }

    @Override
    public final void close() throws SQLException
    {
        if (closed) {
            return;
        }
        closed = true;
        try {
            releaseOnce();
        }
        finally {
            afterClose();
        }
    }

    @Override
    public final boolean isClosed()
    {
        return closed;
    }

    @Override
    public final boolean wasNull() throws SQLException
    {
        checkOpen();
        return wasNull;
    }

    @Override
    public final int findColumn(String columnLabel) throws SQLException
    {
        checkOpen();
        Integer index = columnLabel == null ? null : labels.get(columnLabel.toLowerCase(Locale.ROOT));
        if (index == null) {
            throw SqlExceptions.create("no column named '" + columnLabel + "' in this result set", "42703");
        }
        return index;
    }

    // ---- getters by index -------------------------------------------------------------------------------------

    @Override
    public String getString(int columnIndex) throws SQLException
    {
        return ValueFormatter.format(value(columnIndex));
    }

    @Override
    public boolean getBoolean(int columnIndex) throws SQLException
    {
        return ValueConversions.toBoolean(value(columnIndex));
    }

    @Override
    public byte getByte(int columnIndex) throws SQLException
    {
        return ValueConversions.toByte(value(columnIndex));
    }

    @Override
    public short getShort(int columnIndex) throws SQLException
    {
        return ValueConversions.toShort(value(columnIndex));
    }

    @Override
    public int getInt(int columnIndex) throws SQLException
    {
        return ValueConversions.toInt(value(columnIndex));
    }

    @Override
    public long getLong(int columnIndex) throws SQLException
    {
        return ValueConversions.toLong(value(columnIndex));
    }

    @Override
    public float getFloat(int columnIndex) throws SQLException
    {
        return ValueConversions.toFloat(value(columnIndex));
    }

    @Override
    public double getDouble(int columnIndex) throws SQLException
    {
        return ValueConversions.toDouble(value(columnIndex));
    }

    @Override
    @Deprecated
    public BigDecimal getBigDecimal(int columnIndex, int scale) throws SQLException
    {
        BigDecimal value = getBigDecimal(columnIndex);
        return value == null ? null : value.setScale(scale, RoundingMode.HALF_UP);
    }

    @Override
    public BigDecimal getBigDecimal(int columnIndex) throws SQLException
    {
        return ValueConversions.toBigDecimal(value(columnIndex));
    }

    @Override
    public byte[] getBytes(int columnIndex) throws SQLException
    {
        Object value = value(columnIndex);
        if (value instanceof byte[] bytes) {
            return bytes.clone();
        }
        String text = ValueFormatter.format(value);
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Date getDate(int columnIndex) throws SQLException
    {
        return ValueConversions.toSqlDate(value(columnIndex), null);
    }

    @Override
    public Time getTime(int columnIndex) throws SQLException
    {
        return ValueConversions.toSqlTime(value(columnIndex), null);
    }

    @Override
    public Timestamp getTimestamp(int columnIndex) throws SQLException
    {
        return ValueConversions.toSqlTimestamp(value(columnIndex), null);
    }

    @Override
    public Date getDate(int columnIndex, Calendar cal) throws SQLException
    {
        return ValueConversions.toSqlDate(value(columnIndex), cal);
    }

    @Override
    public Time getTime(int columnIndex, Calendar cal) throws SQLException
    {
        return ValueConversions.toSqlTime(value(columnIndex), cal);
    }

    @Override
    public Timestamp getTimestamp(int columnIndex, Calendar cal) throws SQLException
    {
        return ValueConversions.toSqlTimestamp(value(columnIndex), cal);
    }

    @Override
    public Object getObject(int columnIndex) throws SQLException
    {
        return value(columnIndex);
    }

    @Override
    public <T> T getObject(int columnIndex, Class<T> type) throws SQLException
    {
        return ValueConversions.toClass(value(columnIndex), type);
    }

    @Override
    public Object getObject(int columnIndex, Map<String, Class<?>> map) throws SQLException
    {
        return getObject(columnIndex);
    }

    @Override
    public Reader getCharacterStream(int columnIndex) throws SQLException
    {
        String text = getString(columnIndex);
        return text == null ? null : new StringReader(text);
    }

    @Override
    public String getNString(int columnIndex) throws SQLException
    {
        return getString(columnIndex);
    }

    @Override
    public Reader getNCharacterStream(int columnIndex) throws SQLException
    {
        return getCharacterStream(columnIndex);
    }

    @Override
    public InputStream getAsciiStream(int columnIndex) throws SQLException
    {
        throw SqlExceptions.notSupported("getAsciiStream");
    }

    @Override
    @Deprecated
    public InputStream getUnicodeStream(int columnIndex) throws SQLException
    {
        throw SqlExceptions.notSupported("getUnicodeStream");
    }

    @Override
    public InputStream getBinaryStream(int columnIndex) throws SQLException
    {
        throw SqlExceptions.notSupported("getBinaryStream");
    }

    @Override
    public Ref getRef(int columnIndex) throws SQLException
    {
        throw SqlExceptions.notSupported("getRef");
    }

    @Override
    public Blob getBlob(int columnIndex) throws SQLException
    {
        throw SqlExceptions.notSupported("getBlob");
    }

    @Override
    public Clob getClob(int columnIndex) throws SQLException
    {
        throw SqlExceptions.notSupported("getClob");
    }

    @Override
    public Array getArray(int columnIndex) throws SQLException
    {
        throw SqlExceptions.notSupported("getArray");
    }

    @Override
    public URL getURL(int columnIndex) throws SQLException
    {
        throw SqlExceptions.notSupported("getURL");
    }

    @Override
    public RowId getRowId(int columnIndex) throws SQLException
    {
        throw SqlExceptions.notSupported("getRowId");
    }

    @Override
    public NClob getNClob(int columnIndex) throws SQLException
    {
        throw SqlExceptions.notSupported("getNClob");
    }

    @Override
    public SQLXML getSQLXML(int columnIndex) throws SQLException
    {
        throw SqlExceptions.notSupported("getSQLXML");
    }

    // ---- getters by label ------------------------------------------------------------------------------------

    @Override
    public String getString(String columnLabel) throws SQLException
    {
        return getString(findColumn(columnLabel));
    }

    @Override
    public boolean getBoolean(String columnLabel) throws SQLException
    {
        return getBoolean(findColumn(columnLabel));
    }

    @Override
    public byte getByte(String columnLabel) throws SQLException
    {
        return getByte(findColumn(columnLabel));
    }

    @Override
    public short getShort(String columnLabel) throws SQLException
    {
        return getShort(findColumn(columnLabel));
    }

    @Override
    public int getInt(String columnLabel) throws SQLException
    {
        return getInt(findColumn(columnLabel));
    }

    @Override
    public long getLong(String columnLabel) throws SQLException
    {
        return getLong(findColumn(columnLabel));
    }

    @Override
    public float getFloat(String columnLabel) throws SQLException
    {
        return getFloat(findColumn(columnLabel));
    }

    @Override
    public double getDouble(String columnLabel) throws SQLException
    {
        return getDouble(findColumn(columnLabel));
    }

    @Override
    @Deprecated
    public BigDecimal getBigDecimal(String columnLabel, int scale) throws SQLException
    {
        return getBigDecimal(findColumn(columnLabel), scale);
    }

    @Override
    public BigDecimal getBigDecimal(String columnLabel) throws SQLException
    {
        return getBigDecimal(findColumn(columnLabel));
    }

    @Override
    public byte[] getBytes(String columnLabel) throws SQLException
    {
        return getBytes(findColumn(columnLabel));
    }

    @Override
    public Date getDate(String columnLabel) throws SQLException
    {
        return getDate(findColumn(columnLabel));
    }

    @Override
    public Time getTime(String columnLabel) throws SQLException
    {
        return getTime(findColumn(columnLabel));
    }

    @Override
    public Timestamp getTimestamp(String columnLabel) throws SQLException
    {
        return getTimestamp(findColumn(columnLabel));
    }

    @Override
    public Date getDate(String columnLabel, Calendar cal) throws SQLException
    {
        return getDate(findColumn(columnLabel), cal);
    }

    @Override
    public Time getTime(String columnLabel, Calendar cal) throws SQLException
    {
        return getTime(findColumn(columnLabel), cal);
    }

    @Override
    public Timestamp getTimestamp(String columnLabel, Calendar cal) throws SQLException
    {
        return getTimestamp(findColumn(columnLabel), cal);
    }

    @Override
    public Object getObject(String columnLabel) throws SQLException
    {
        return getObject(findColumn(columnLabel));
    }

    @Override
    public <T> T getObject(String columnLabel, Class<T> type) throws SQLException
    {
        return getObject(findColumn(columnLabel), type);
    }

    @Override
    public Object getObject(String columnLabel, Map<String, Class<?>> map) throws SQLException
    {
        return getObject(findColumn(columnLabel), map);
    }

    @Override
    public Reader getCharacterStream(String columnLabel) throws SQLException
    {
        return getCharacterStream(findColumn(columnLabel));
    }

    @Override
    public String getNString(String columnLabel) throws SQLException
    {
        return getNString(findColumn(columnLabel));
    }

    @Override
    public Reader getNCharacterStream(String columnLabel) throws SQLException
    {
        return getNCharacterStream(findColumn(columnLabel));
    }

    @Override
    public InputStream getAsciiStream(String columnLabel) throws SQLException
    {
        return getAsciiStream(findColumn(columnLabel));
    }

    @Override
    @Deprecated
    public InputStream getUnicodeStream(String columnLabel) throws SQLException
    {
        return getUnicodeStream(findColumn(columnLabel));
    }

    @Override
    public InputStream getBinaryStream(String columnLabel) throws SQLException
    {
        return getBinaryStream(findColumn(columnLabel));
    }

    @Override
    public Ref getRef(String columnLabel) throws SQLException
    {
        return getRef(findColumn(columnLabel));
    }

    @Override
    public Blob getBlob(String columnLabel) throws SQLException
    {
        return getBlob(findColumn(columnLabel));
    }

    @Override
    public Clob getClob(String columnLabel) throws SQLException
    {
        return getClob(findColumn(columnLabel));
    }

    @Override
    public Array getArray(String columnLabel) throws SQLException
    {
        return getArray(findColumn(columnLabel));
    }

    @Override
    public URL getURL(String columnLabel) throws SQLException
    {
        return getURL(findColumn(columnLabel));
    }

    @Override
    public RowId getRowId(String columnLabel) throws SQLException
    {
        return getRowId(findColumn(columnLabel));
    }

    @Override
    public NClob getNClob(String columnLabel) throws SQLException
    {
        return getNClob(findColumn(columnLabel));
    }

    @Override
    public SQLXML getSQLXML(String columnLabel) throws SQLException
    {
        return getSQLXML(findColumn(columnLabel));
    }

    // ---- cursor and result set properties ----------------------------------------------------------------------

    @Override
    public ResultSetMetaData getMetaData() throws SQLException
    {
        checkOpen();
        return new BasaltResultSetMetaData(columns);
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
    public String getCursorName() throws SQLException
    {
        throw SqlExceptions.notSupported("named cursors");
    }

    @Override
    public boolean isBeforeFirst() throws SQLException
    {
        checkOpen();
        return row == 0 && !afterLast && hasFirstRow();
    }

    @Override
    public boolean isAfterLast() throws SQLException
    {
        checkOpen();
        return afterLast && row > 0;
    }

    @Override
    public boolean isFirst() throws SQLException
    {
        checkOpen();
        return row == 1 && !afterLast;
    }

    @Override
    public boolean isLast() throws SQLException
    {
        throw SqlExceptions.notSupported("isLast on a streaming result set");
    }

    @Override
    public void beforeFirst() throws SQLException
    {
        throw forwardOnly();
    }

    @Override
    public void afterLast() throws SQLException
    {
        throw forwardOnly();
    }

    @Override
    public boolean first() throws SQLException
    {
        throw forwardOnly();
    }

    @Override
    public boolean last() throws SQLException
    {
        throw forwardOnly();
    }

    @Override
    public int getRow() throws SQLException
    {
        checkOpen();
        return afterLast || row > Integer.MAX_VALUE ? 0 : (int) row;
    }

    @Override
    public boolean absolute(int row) throws SQLException
    {
        throw forwardOnly();
    }

    @Override
    public boolean relative(int rows) throws SQLException
    {
        throw forwardOnly();
    }

    @Override
    public boolean previous() throws SQLException
    {
        throw forwardOnly();
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException
    {
        checkOpen();
        if (direction != FETCH_FORWARD) {
            throw forwardOnly();
        }
    }

    @Override
    public int getFetchDirection() throws SQLException
    {
        checkOpen();
        return FETCH_FORWARD;
    }

    @Override
    public void setFetchSize(int rows) throws SQLException
    {
        checkOpen();
        if (rows < 0) {
            throw SqlExceptions.create("fetch size must be >= 0: " + rows, SqlExceptions.INVALID_PARAMETER_VALUE);
        }
        // rows arrive in the engine's batches; the hint has nothing to tune
    }

    @Override
    public int getFetchSize() throws SQLException
    {
        checkOpen();
        return 0;
    }

    @Override
    public int getType() throws SQLException
    {
        checkOpen();
        return TYPE_FORWARD_ONLY;
    }

    @Override
    public int getConcurrency() throws SQLException
    {
        checkOpen();
        return CONCUR_READ_ONLY;
    }

    @Override
    public int getHoldability() throws SQLException
    {
        checkOpen();
        return HOLD_CURSORS_OVER_COMMIT;
    }

    @Override
    public Statement getStatement() throws SQLException
    {
        checkOpen();
        return statement;
    }

    @Override
    public boolean rowUpdated() throws SQLException
    {
        checkOpen();
        return false;
    }

    @Override
    public boolean rowInserted() throws SQLException
    {
        checkOpen();
        return false;
    }

    @Override
    public boolean rowDeleted() throws SQLException
    {
        checkOpen();
        return false;
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

    private static SQLException forwardOnly()
    {
        return SqlExceptions.create("the result set is TYPE_FORWARD_ONLY: only next() moves the cursor", SqlExceptions.NOT_SUPPORTED);
    }

    private static SQLException readOnly()
    {
        return SqlExceptions.notSupported("updating a result set (CONCUR_READ_ONLY)");
    }

    // ---- updates: the result set is read-only ------------------------------------------------------------------

    @Override public void updateNull(int columnIndex) throws SQLException { throw readOnly(); }
    @Override public void updateBoolean(int columnIndex, boolean x) throws SQLException { throw readOnly(); }
    @Override public void updateByte(int columnIndex, byte x) throws SQLException { throw readOnly(); }
    @Override public void updateShort(int columnIndex, short x) throws SQLException { throw readOnly(); }
    @Override public void updateInt(int columnIndex, int x) throws SQLException { throw readOnly(); }
    @Override public void updateLong(int columnIndex, long x) throws SQLException { throw readOnly(); }
    @Override public void updateFloat(int columnIndex, float x) throws SQLException { throw readOnly(); }
    @Override public void updateDouble(int columnIndex, double x) throws SQLException { throw readOnly(); }
    @Override public void updateBigDecimal(int columnIndex, BigDecimal x) throws SQLException { throw readOnly(); }
    @Override public void updateString(int columnIndex, String x) throws SQLException { throw readOnly(); }
    @Override public void updateBytes(int columnIndex, byte[] x) throws SQLException { throw readOnly(); }
    @Override public void updateDate(int columnIndex, Date x) throws SQLException { throw readOnly(); }
    @Override public void updateTime(int columnIndex, Time x) throws SQLException { throw readOnly(); }
    @Override public void updateTimestamp(int columnIndex, Timestamp x) throws SQLException { throw readOnly(); }
    @Override public void updateAsciiStream(int columnIndex, InputStream x, int length) throws SQLException { throw readOnly(); }
    @Override public void updateBinaryStream(int columnIndex, InputStream x, int length) throws SQLException { throw readOnly(); }
    @Override public void updateCharacterStream(int columnIndex, Reader x, int length) throws SQLException { throw readOnly(); }
    @Override public void updateObject(int columnIndex, Object x, int scaleOrLength) throws SQLException { throw readOnly(); }
    @Override public void updateObject(int columnIndex, Object x) throws SQLException { throw readOnly(); }
    @Override public void updateNull(String columnLabel) throws SQLException { throw readOnly(); }
    @Override public void updateBoolean(String columnLabel, boolean x) throws SQLException { throw readOnly(); }
    @Override public void updateByte(String columnLabel, byte x) throws SQLException { throw readOnly(); }
    @Override public void updateShort(String columnLabel, short x) throws SQLException { throw readOnly(); }
    @Override public void updateInt(String columnLabel, int x) throws SQLException { throw readOnly(); }
    @Override public void updateLong(String columnLabel, long x) throws SQLException { throw readOnly(); }
    @Override public void updateFloat(String columnLabel, float x) throws SQLException { throw readOnly(); }
    @Override public void updateDouble(String columnLabel, double x) throws SQLException { throw readOnly(); }
    @Override public void updateBigDecimal(String columnLabel, BigDecimal x) throws SQLException { throw readOnly(); }
    @Override public void updateString(String columnLabel, String x) throws SQLException { throw readOnly(); }
    @Override public void updateBytes(String columnLabel, byte[] x) throws SQLException { throw readOnly(); }
    @Override public void updateDate(String columnLabel, Date x) throws SQLException { throw readOnly(); }
    @Override public void updateTime(String columnLabel, Time x) throws SQLException { throw readOnly(); }
    @Override public void updateTimestamp(String columnLabel, Timestamp x) throws SQLException { throw readOnly(); }
    @Override public void updateAsciiStream(String columnLabel, InputStream x, int length) throws SQLException { throw readOnly(); }
    @Override public void updateBinaryStream(String columnLabel, InputStream x, int length) throws SQLException { throw readOnly(); }
    @Override public void updateCharacterStream(String columnLabel, Reader reader, int length) throws SQLException { throw readOnly(); }
    @Override public void updateObject(String columnLabel, Object x, int scaleOrLength) throws SQLException { throw readOnly(); }
    @Override public void updateObject(String columnLabel, Object x) throws SQLException { throw readOnly(); }
    @Override public void insertRow() throws SQLException { throw readOnly(); }
    @Override public void updateRow() throws SQLException { throw readOnly(); }
    @Override public void deleteRow() throws SQLException { throw readOnly(); }
    @Override public void refreshRow() throws SQLException { throw readOnly(); }
    @Override public void cancelRowUpdates() throws SQLException { throw readOnly(); }
    @Override public void moveToInsertRow() throws SQLException { throw readOnly(); }
    @Override public void moveToCurrentRow() throws SQLException { throw readOnly(); }
    @Override public void updateRef(int columnIndex, Ref x) throws SQLException { throw readOnly(); }
    @Override public void updateRef(String columnLabel, Ref x) throws SQLException { throw readOnly(); }
    @Override public void updateBlob(int columnIndex, Blob x) throws SQLException { throw readOnly(); }
    @Override public void updateBlob(String columnLabel, Blob x) throws SQLException { throw readOnly(); }
    @Override public void updateClob(int columnIndex, Clob x) throws SQLException { throw readOnly(); }
    @Override public void updateClob(String columnLabel, Clob x) throws SQLException { throw readOnly(); }
    @Override public void updateArray(int columnIndex, Array x) throws SQLException { throw readOnly(); }
    @Override public void updateArray(String columnLabel, Array x) throws SQLException { throw readOnly(); }
    @Override public void updateRowId(int columnIndex, RowId x) throws SQLException { throw readOnly(); }
    @Override public void updateRowId(String columnLabel, RowId x) throws SQLException { throw readOnly(); }
    @Override public void updateNString(int columnIndex, String nString) throws SQLException { throw readOnly(); }
    @Override public void updateNString(String columnLabel, String nString) throws SQLException { throw readOnly(); }
    @Override public void updateNClob(int columnIndex, NClob nClob) throws SQLException { throw readOnly(); }
    @Override public void updateNClob(String columnLabel, NClob nClob) throws SQLException { throw readOnly(); }
    @Override public void updateSQLXML(int columnIndex, SQLXML xmlObject) throws SQLException { throw readOnly(); }
    @Override public void updateSQLXML(String columnLabel, SQLXML xmlObject) throws SQLException { throw readOnly(); }
    @Override public void updateNCharacterStream(int columnIndex, Reader x, long length) throws SQLException { throw readOnly(); }
    @Override public void updateNCharacterStream(String columnLabel, Reader reader, long length) throws SQLException { throw readOnly(); }
    @Override public void updateAsciiStream(int columnIndex, InputStream x, long length) throws SQLException { throw readOnly(); }
    @Override public void updateBinaryStream(int columnIndex, InputStream x, long length) throws SQLException { throw readOnly(); }
    @Override public void updateCharacterStream(int columnIndex, Reader x, long length) throws SQLException { throw readOnly(); }
    @Override public void updateAsciiStream(String columnLabel, InputStream x, long length) throws SQLException { throw readOnly(); }
    @Override public void updateBinaryStream(String columnLabel, InputStream x, long length) throws SQLException { throw readOnly(); }
    @Override public void updateCharacterStream(String columnLabel, Reader reader, long length) throws SQLException { throw readOnly(); }
    @Override public void updateBlob(int columnIndex, InputStream inputStream, long length) throws SQLException { throw readOnly(); }
    @Override public void updateBlob(String columnLabel, InputStream inputStream, long length) throws SQLException { throw readOnly(); }
    @Override public void updateClob(int columnIndex, Reader reader, long length) throws SQLException { throw readOnly(); }
    @Override public void updateClob(String columnLabel, Reader reader, long length) throws SQLException { throw readOnly(); }
    @Override public void updateNClob(int columnIndex, Reader reader, long length) throws SQLException { throw readOnly(); }
    @Override public void updateNClob(String columnLabel, Reader reader, long length) throws SQLException { throw readOnly(); }
    @Override public void updateNCharacterStream(int columnIndex, Reader x) throws SQLException { throw readOnly(); }
    @Override public void updateNCharacterStream(String columnLabel, Reader reader) throws SQLException { throw readOnly(); }
    @Override public void updateAsciiStream(int columnIndex, InputStream x) throws SQLException { throw readOnly(); }
    @Override public void updateBinaryStream(int columnIndex, InputStream x) throws SQLException { throw readOnly(); }
    @Override public void updateCharacterStream(int columnIndex, Reader x) throws SQLException { throw readOnly(); }
    @Override public void updateAsciiStream(String columnLabel, InputStream x) throws SQLException { throw readOnly(); }
    @Override public void updateBinaryStream(String columnLabel, InputStream x) throws SQLException { throw readOnly(); }
    @Override public void updateCharacterStream(String columnLabel, Reader reader) throws SQLException { throw readOnly(); }
    @Override public void updateBlob(int columnIndex, InputStream inputStream) throws SQLException { throw readOnly(); }
    @Override public void updateBlob(String columnLabel, InputStream inputStream) throws SQLException { throw readOnly(); }
    @Override public void updateClob(int columnIndex, Reader reader) throws SQLException { throw readOnly(); }
    @Override public void updateClob(String columnLabel, Reader reader) throws SQLException { throw readOnly(); }
    @Override public void updateNClob(int columnIndex, Reader reader) throws SQLException { throw readOnly(); }
    @Override public void updateNClob(String columnLabel, Reader reader) throws SQLException { throw readOnly(); }
}
