package dev.basalt.spi.type;

import org.apache.arrow.vector.types.pojo.ArrowType;

/** The SQL type DATE. */
public record DateType() implements DataType
{
    public static final DateType DATE = new DateType();
    private static final ArrowType ARROW_TYPE = new ArrowType.Date(org.apache.arrow.vector.types.DateUnit.DAY);

    @Override
    public String sqlName()
    {
        return "DATE";
    }

    @Override
    public ArrowType arrowType()
    {
        return ARROW_TYPE;
    }

    @Override
    public int jdbcType()
    {
        return java.sql.Types.DATE;
    }

    @Override
    public String toString()
    {
        return sqlName();
    }
}
