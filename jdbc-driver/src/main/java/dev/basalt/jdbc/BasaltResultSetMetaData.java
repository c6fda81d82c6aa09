package dev.basalt.jdbc;

import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.type.DataType;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** Column descriptions of a result, from the engine's result {@link Column}s. */
final class BasaltResultSetMetaData implements ResultSetMetaData
{
    private final List<Column> columns;

    BasaltResultSetMetaData(List<Column> columns)
    {
        this.columns = List.copyOf(requireNonNull(columns, "columns is null"));
    }

    private Column column(int column) throws SQLException
    {
        if (column < 1 || column > columns.size()) {
            throw SqlExceptions.create("column index " + column + " is out of range (1.." + columns.size() + ")", "07009");
        }
        return columns.get(column - 1);
    }

    private DataType type(int column) throws SQLException
    {
        return column(column).type();
    }

    @Override
    public int getColumnCount()
    {
        return columns.size();
    }

    @Override
    public boolean isAutoIncrement(int column) throws SQLException
    {
        column(column);
        return false;
    }

    @Override
    public boolean isCaseSensitive(int column) throws SQLException
    {
        return type(column).isString();
    }

    @Override
    public boolean isSearchable(int column) throws SQLException
    {
        column(column);
        return true;
    }

    @Override
    public boolean isCurrency(int column) throws SQLException
    {
        column(column);
        return false;
    }

    @Override
    public int isNullable(int column) throws SQLException
    {
        return column(column).nullable() ? columnNullable : columnNoNulls;
    }

    @Override
    public boolean isSigned(int column) throws SQLException
    {
        return JdbcTypes.isSigned(type(column));
    }

    @Override
    public int getColumnDisplaySize(int column) throws SQLException
    {
        return JdbcTypes.displaySize(type(column));
    }

    @Override
    public String getColumnLabel(int column) throws SQLException
    {
        return column(column).name();
    }

    @Override
    public String getColumnName(int column) throws SQLException
    {
        return column(column).name();
    }

    @Override
    public String getSchemaName(int column) throws SQLException
    {
        column(column);
        return "";
    }

    @Override
    public int getPrecision(int column) throws SQLException
    {
        return JdbcTypes.precision(type(column));
    }

    @Override
    public int getScale(int column) throws SQLException
    {
        return JdbcTypes.scale(type(column));
    }

    @Override
    public String getTableName(int column) throws SQLException
    {
        column(column);
        return "";
    }

    @Override
    public String getCatalogName(int column) throws SQLException
    {
        column(column);
        return "";
    }

    @Override
    public int getColumnType(int column) throws SQLException
    {
        return type(column).jdbcType();
    }

    @Override
    public String getColumnTypeName(int column) throws SQLException
    {
        return type(column).sqlName();
    }

    @Override
    public boolean isReadOnly(int column) throws SQLException
    {
        column(column);
        return true;
    }

    @Override
    public boolean isWritable(int column) throws SQLException
    {
        column(column);
        return false;
    }

    @Override
    public boolean isDefinitelyWritable(int column) throws SQLException
    {
        column(column);
        return false;
    }

    @Override
    public String getColumnClassName(int column) throws SQLException
    {
        return JdbcTypes.className(type(column));
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
}
