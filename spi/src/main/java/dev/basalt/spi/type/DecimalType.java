package dev.basalt.spi.type;

import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * DECIMAL(precision, scale), exact. Precision 1..38. Values with precision up to {@link #MAX_SHORT_PRECISION}
 * live in a BigIntVector as unscaled longs; wider ones in a 128-bit DecimalVector.
 */
public record DecimalType(int precision, int scale) implements DataType
{
    public static final int MAX_PRECISION = 38;
    public static final int MAX_SHORT_PRECISION = 18;

    public DecimalType
    {
        if (precision < 1 || precision > MAX_PRECISION) {
            throw new IllegalArgumentException("DECIMAL precision must be between 1 and 38: " + precision);
        }
        if (scale < 0 || scale > precision) {
            throw new IllegalArgumentException("DECIMAL scale must be between 0 and precision " + precision + ": " + scale);
        }
    }

    public static DecimalType of(int precision, int scale)
    {
        return new DecimalType(precision, scale);
    }

    /** True when values are stored as unscaled longs. */
    public boolean isShort()
    {
        return precision <= MAX_SHORT_PRECISION;
    }

    @Override
    public String sqlName()
    {
        return "DECIMAL(" + precision + "," + scale + ")";
    }

    @Override
    public ArrowType arrowType()
    {
        return isShort() ? new ArrowType.Int(64, true) : new ArrowType.Decimal(precision, scale, 128);
    }

    @Override
    public int jdbcType()
    {
        return java.sql.Types.DECIMAL;
    }

    @Override
    public String toString()
    {
        return sqlName();
    }
}
