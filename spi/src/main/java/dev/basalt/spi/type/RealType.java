package dev.basalt.spi.type;

import org.apache.arrow.vector.types.pojo.ArrowType;

/** The SQL type REAL. */
public record RealType() implements DataType
{
    public static final RealType REAL = new RealType();
    private static final ArrowType ARROW_TYPE = new ArrowType.FloatingPoint(org.apache.arrow.vector.types.FloatingPointPrecision.SINGLE);

    @Override
    public String sqlName()
    {
        return "REAL";
    }

    @Override
    public ArrowType arrowType()
    {
        return ARROW_TYPE;
    }

    @Override
    public int jdbcType()
    {
        return java.sql.Types.REAL;
    }

    @Override
    public String toString()
    {
        return sqlName();
    }
}
