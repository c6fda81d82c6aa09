package dev.basalt.jdbc;

import dev.basalt.engine.PreparedInfo;
import dev.basalt.spi.type.DataType;

import java.sql.ParameterMetaData;
import java.sql.SQLException;
import java.sql.Types;

import static java.util.Objects.requireNonNull;

/** Parameter count and the types the engine inferred (unknown types report Types.OTHER). */
final class BasaltParameterMetaData implements ParameterMetaData
{
    private final PreparedInfo info;

    BasaltParameterMetaData(PreparedInfo info)
    {
        this.info = requireNonNull(info, "info is null");
    }

    private DataType type(int param) throws SQLException
    {
        if (param < 1 || param > info.parameterCount()) {
            throw SqlExceptions.create("parameter index " + param + " is out of range (1.." + info.parameterCount() + ")", "07009");
        }
        return param - 1 < info.parameterTypes().size() ? info.parameterTypes().get(param - 1) : null;
    }

    @Override
    public int getParameterCount()
    {
        return info.parameterCount();
    }

    @Override
    public int isNullable(int param) throws SQLException
    {
        type(param);
        return parameterNullableUnknown;
    }

    @Override
    public boolean isSigned(int param) throws SQLException
    {
        DataType type = type(param);
        return type != null && JdbcTypes.isSigned(type);
    }

    @Override
    public int getPrecision(int param) throws SQLException
    {
        DataType type = type(param);
        return type == null ? 0 : JdbcTypes.precision(type);
    }

    @Override
    public int getScale(int param) throws SQLException
    {
        DataType type = type(param);
        return type == null ? 0 : JdbcTypes.scale(type);
    }

    @Override
    public int getParameterType(int param) throws SQLException
    {
        DataType type = type(param);
        return type == null ? Types.OTHER : type.jdbcType();
    }

    @Override
    public String getParameterTypeName(int param) throws SQLException
    {
        DataType type = type(param);
        return type == null ? "UNKNOWN" : type.sqlName();
    }

    @Override
    public String getParameterClassName(int param) throws SQLException
    {
        DataType type = type(param);
        return type == null ? Object.class.getName() : JdbcTypes.className(type);
    }

    @Override
    public int getParameterMode(int param) throws SQLException
    {
        type(param);
        return parameterModeIn;
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
