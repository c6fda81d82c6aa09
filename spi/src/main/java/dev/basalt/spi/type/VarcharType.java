package dev.basalt.spi.type;

import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * VARCHAR, VARCHAR(n), CHAR(n) and TEXT. {@code length} is -1 when unbounded. CHAR(n) is treated as
 * VARCHAR(n) (DuckDB semantics: no blank padding); {@code fixedLength} only remembers the spelling.
 */
public record VarcharType(int length, boolean fixedLength) implements DataType
{
    public static final VarcharType VARCHAR = new VarcharType(-1, false);
    private static final ArrowType ARROW_TYPE = new ArrowType.Utf8();

    public VarcharType
    {
        if (length < -1 || length == 0) {
            throw new IllegalArgumentException("length must be positive: " + length);
        }
    }

    public static VarcharType varchar(int length)
    {
        return new VarcharType(length, false);
    }

    public static VarcharType character(int length)
    {
        return new VarcharType(length, true);
    }

    public boolean isBounded()
    {
        return length > 0;
    }

    @Override
    public String sqlName()
    {
        if (length < 0) {
            return "VARCHAR";
        }
        return (fixedLength ? "CHAR(" : "VARCHAR(") + length + ")";
    }

    @Override
    public ArrowType arrowType()
    {
        return ARROW_TYPE;
    }

    @Override
    public int jdbcType()
    {
        return fixedLength ? java.sql.Types.CHAR : java.sql.Types.VARCHAR;
    }

    @Override
    public String toString()
    {
        return sqlName();
    }
}
