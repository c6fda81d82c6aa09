package dev.basalt.spi.type;

import org.apache.arrow.vector.types.pojo.ArrowType;

/** The SQL type BIGINT. */
public record BigintType() implements DataType
{
    public static final BigintType BIGINT = new BigintType();
    private static final ArrowType ARROW_TYPE = new ArrowType.Int(64, true);

    @Override
    public String sqlName()
    {
        return "BIGINT";
    }

    @Override
    public ArrowType arrowType()
    {
        return ARROW_TYPE;
    }

    @Override
    public int jdbcType()
    {
        return java.sql.Types.BIGINT;
    }

    @Override
    public String toString()
    {
        return sqlName();
    }
}
