package dev.basalt.spi.type;

import org.apache.arrow.vector.types.pojo.ArrowType;

/** The SQL type SMALLINT. */
public record SmallintType() implements DataType
{
    public static final SmallintType SMALLINT = new SmallintType();
    private static final ArrowType ARROW_TYPE = new ArrowType.Int(16, true);

    @Override
    public String sqlName()
    {
        return "SMALLINT";
    }

    @Override
    public ArrowType arrowType()
    {
        return ARROW_TYPE;
    }

    @Override
    public int jdbcType()
    {
        return java.sql.Types.SMALLINT;
    }

    @Override
    public String toString()
    {
        return sqlName();
    }
}
