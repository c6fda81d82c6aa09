package dev.basalt.spi.type;

import org.apache.arrow.vector.types.pojo.ArrowType;

/** The SQL type DOUBLE. */
public record DoubleType() implements DataType
{
    public static final DoubleType DOUBLE = new DoubleType();
    private static final ArrowType ARROW_TYPE = new ArrowType.FloatingPoint(org.apache.arrow.vector.types.FloatingPointPrecision.DOUBLE);

    @Override
    public String sqlName()
    {
        return "DOUBLE";
    }

    @Override
    public ArrowType arrowType()
    {
        return ARROW_TYPE;
    }

    @Override
    public int jdbcType()
    {
        return java.sql.Types.DOUBLE;
    }

    @Override
    public String toString()
    {
        return sqlName();
    }
}
