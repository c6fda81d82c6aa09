package dev.basalt.spi.type;

import org.apache.arrow.vector.types.pojo.ArrowType;

/** The SQL type INTERVAL. */
public record IntervalType() implements DataType
{
    public static final IntervalType INTERVAL = new IntervalType();
    private static final ArrowType ARROW_TYPE = new ArrowType.Interval(org.apache.arrow.vector.types.IntervalUnit.MONTH_DAY_NANO);

    @Override
    public String sqlName()
    {
        return "INTERVAL";
    }

    @Override
    public ArrowType arrowType()
    {
        return ARROW_TYPE;
    }

    @Override
    public int jdbcType()
    {
        return java.sql.Types.OTHER;
    }

    @Override
    public String toString()
    {
        return sqlName();
    }
}
