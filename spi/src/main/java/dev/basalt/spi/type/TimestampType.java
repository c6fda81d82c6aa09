package dev.basalt.spi.type;

import org.apache.arrow.vector.types.pojo.ArrowType;

/** The SQL type TIMESTAMP. */
public record TimestampType() implements DataType
{
    public static final TimestampType TIMESTAMP = new TimestampType();
    private static final ArrowType ARROW_TYPE = new ArrowType.Timestamp(org.apache.arrow.vector.types.TimeUnit.MICROSECOND, null);

    @Override
    public String sqlName()
    {
        return "TIMESTAMP";
    }

    @Override
    public ArrowType arrowType()
    {
        return ARROW_TYPE;
    }

    @Override
    public int jdbcType()
    {
        return java.sql.Types.TIMESTAMP;
    }

    @Override
    public String toString()
    {
        return sqlName();
    }
}
