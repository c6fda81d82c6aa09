package dev.basalt.spi.type;

import org.apache.arrow.vector.types.pojo.ArrowType;

/** The SQL type BOOLEAN. */
public record BooleanType() implements DataType
{
    public static final BooleanType BOOLEAN = new BooleanType();
    private static final ArrowType ARROW_TYPE = new ArrowType.Bool();

    @Override
    public String sqlName()
    {
        return "BOOLEAN";
    }

    @Override
    public ArrowType arrowType()
    {
        return ARROW_TYPE;
    }

    @Override
    public int jdbcType()
    {
        return java.sql.Types.BOOLEAN;
    }

    @Override
    public String toString()
    {
        return sqlName();
    }
}
