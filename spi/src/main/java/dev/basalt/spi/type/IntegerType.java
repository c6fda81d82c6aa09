package dev.basalt.spi.type;

import org.apache.arrow.vector.types.pojo.ArrowType;

/** The SQL type INTEGER. */
public record IntegerType() implements DataType
{
    public static final IntegerType INTEGER = new IntegerType();
    private static final ArrowType ARROW_TYPE = new ArrowType.Int(32, true);

    @Override
    public String sqlName()
    {
        return "INTEGER";
    }

    @Override
    public ArrowType arrowType()
    {
        return ARROW_TYPE;
    }

    @Override
    public int jdbcType()
    {
        return java.sql.Types.INTEGER;
    }

    @Override
    public String toString()
    {
        return sqlName();
    }
}
