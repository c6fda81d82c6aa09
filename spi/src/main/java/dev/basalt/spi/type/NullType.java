package dev.basalt.spi.type;

import org.apache.arrow.vector.types.pojo.ArrowType;

/** The SQL type NULL. */
public record NullType() implements DataType
{
    public static final NullType NULL_TYPE = new NullType();
    private static final ArrowType ARROW_TYPE = new ArrowType.Null();

    @Override
    public String sqlName()
    {
        return "NULL";
    }

    @Override
    public ArrowType arrowType()
    {
        return ARROW_TYPE;
    }

    @Override
    public int jdbcType()
    {
        return java.sql.Types.NULL;
    }

    @Override
    public String toString()
    {
        return sqlName();
    }
}
