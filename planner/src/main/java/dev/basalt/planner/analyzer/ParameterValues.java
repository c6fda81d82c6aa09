package dev.basalt.planner.analyzer;

import dev.basalt.planner.expression.Constant;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.spi.value.Interval;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** Turns a '?' parameter's Java value into a typed constant (type from the Java class). */
final class ParameterValues
{
    private ParameterValues() {}

    static Constant toConstant(Object value)
    {
        return switch (value) {
            case null -> new Constant(null, DataTypes.NULL);
            case Boolean b -> new Constant(b, DataTypes.BOOLEAN);
            case Byte b -> new Constant((short) b, DataTypes.SMALLINT);
            case Short s -> new Constant(s, DataTypes.SMALLINT);
            case Integer i -> new Constant(i, DataTypes.INTEGER);
            case Long l -> new Constant(l, DataTypes.BIGINT);
            case Float f -> new Constant(f, DataTypes.REAL);
            case Double d -> new Constant(d, DataTypes.DOUBLE);
            case BigInteger i -> decimal(new BigDecimal(i));
            case BigDecimal d -> decimal(d);
            case String s -> new Constant(s, DataTypes.VARCHAR);
            case Character c -> new Constant(c.toString(), DataTypes.VARCHAR);
            case byte[] bytes -> new Constant(bytes.clone(), DataTypes.BLOB);
            case LocalDate d -> new Constant(d, DataTypes.DATE);
            case LocalDateTime t -> new Constant(t, DataTypes.TIMESTAMP);
            case java.sql.Timestamp t -> new Constant(t.toLocalDateTime(), DataTypes.TIMESTAMP);
            case java.sql.Date d -> new Constant(d.toLocalDate(), DataTypes.DATE);
            case Interval i -> new Constant(i, DataTypes.INTERVAL);
            default -> throw new BasaltException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "parameters of Java type " + value.getClass().getName() + " are not supported");
        };
    }

    private static Constant decimal(BigDecimal value)
    {
        BigDecimal normalized = value.scale() < 0 ? value.setScale(0) : value;
        DataType type = TypeCoercion.decimalLiteralType(normalized);
        if (type instanceof DecimalType decimal) {
            return new Constant(normalized.setScale(decimal.scale()), type);
        }
        return new Constant(normalized.doubleValue(), type);
    }
}
