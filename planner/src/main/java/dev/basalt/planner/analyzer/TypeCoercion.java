package dev.basalt.planner.analyzer;

import dev.basalt.planner.evaluate.ConstantCaster;
import dev.basalt.planner.evaluate.NotFoldableException;
import dev.basalt.planner.expression.Cast;
import dev.basalt.planner.expression.Constant;
import dev.basalt.planner.expression.RowExpression;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.type.BigintType;
import dev.basalt.spi.type.BooleanType;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.spi.type.DateType;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.spi.type.DoubleType;
import dev.basalt.spi.type.IntegerType;
import dev.basalt.spi.type.IntervalType;
import dev.basalt.spi.type.NullType;
import dev.basalt.spi.type.RealType;
import dev.basalt.spi.type.SmallintType;
import dev.basalt.spi.type.TimestampType;
import dev.basalt.spi.type.VarcharType;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Implicit conversion rules (PostgreSQL/DuckDB flavored): integer widening SMALLINT &lt; INTEGER &lt; BIGINT,
 * integer with DECIMAL gives DECIMAL, anything with REAL/DOUBLE gives DOUBLE (REAL with REAL stays REAL),
 * DATE with TIMESTAMP gives TIMESTAMP, VARCHARs of different lengths give VARCHAR, NULL takes the other type.
 */
public final class TypeCoercion
{
    private TypeCoercion() {}

    /** The type both can be implicitly converted to, or empty when there is none. */
    public static Optional<DataType> commonSuperType(DataType left, DataType right)
    {
        if (left.equals(right)) {
            return Optional.of(left);
        }
        if (left instanceof NullType) {
            return Optional.of(right);
        }
        if (right instanceof NullType) {
            return Optional.of(left);
        }
        if (left instanceof VarcharType && right instanceof VarcharType) {
            return Optional.of(DataTypes.VARCHAR);
        }
        if (left.isNumeric() && right.isNumeric()) {
            return Optional.of(commonNumericType(left, right));
        }
        if ((left instanceof DateType && right instanceof TimestampType) || (left instanceof TimestampType && right instanceof DateType)) {
            return Optional.of(DataTypes.TIMESTAMP);
        }
        return Optional.empty();
    }

    private static DataType commonNumericType(DataType left, DataType right)
    {
        if (left instanceof DoubleType || right instanceof DoubleType) {
            return DataTypes.DOUBLE;
        }
        if (left instanceof RealType || right instanceof RealType) {
            return left instanceof RealType && right instanceof RealType ? DataTypes.REAL : DataTypes.DOUBLE;
        }
        if (left.isIntegral() && right.isIntegral()) {
            return integralRank(left) >= integralRank(right) ? left : right;
        }
        return commonDecimal(toDecimal(left), toDecimal(right));
    }

    /** DECIMAL wide enough for the integer digits and the scale of both (capped at 38 digits). */
    public static DecimalType commonDecimal(DecimalType left, DecimalType right)
    {
        int scale = Math.max(left.scale(), right.scale());
        int integerDigits = Math.max(left.precision() - left.scale(), right.precision() - right.scale());
        return DecimalType.of(Math.min(DecimalType.MAX_PRECISION, integerDigits + scale), scale);
    }

    private static int integralRank(DataType type)
    {
        return switch (type) {
            case SmallintType s -> 1;
            case IntegerType i -> 2;
            case BigintType b -> 3;
            default -> throw new IllegalArgumentException("not integral: " + type);
        };
    }

    /** The DECIMAL that holds every value of an integral or DECIMAL type. */
    public static DecimalType toDecimal(DataType type)
    {
        return switch (type) {
            case DecimalType d -> d;
            case SmallintType s -> DecimalType.of(5, 0);
            case IntegerType i -> DecimalType.of(10, 0);
            case BigintType b -> DecimalType.of(19, 0);
            default -> throw new IllegalArgumentException("not exact numeric: " + type);
        };
    }

    /**
     * The DECIMAL of an exact numeric expression; an integral constant only needs its own digits (DuckDB types
     * integer literals this way when they meet decimals, so {@code 1 - l_discount} stays narrow).
     */
    public static DecimalType decimalTypeOf(RowExpression expression)
    {
        if (expression instanceof Constant constant && constant.value() != null && constant.type().isIntegral()) {
            long value = ((Number) constant.value()).longValue();
            int digits = BigDecimal.valueOf(value).abs().precision();
            return DecimalType.of(Math.max(1, digits), 0);
        }
        return toDecimal(expression.type());
    }

    /** DECIMAL type of a decimal literal, DuckDB style: at least one integer digit ({@code 0.06} is DECIMAL(3,2)). */
    public static DataType decimalLiteralType(BigDecimal value)
    {
        int scale = Math.max(0, value.scale());
        int integerDigits = Math.max(1, value.precision() - value.scale());
        int precision = integerDigits + scale;
        if (precision > DecimalType.MAX_PRECISION) {
            return DataTypes.DOUBLE;
        }
        return DecimalType.of(precision, scale);
    }

    /** Whether an explicit CAST (and an INSERT assignment) from one type to another exists. */
    public static boolean canCast(DataType from, DataType to)
    {
        if (from.equals(to) || from instanceof NullType) {
            return true;
        }
        if (to instanceof NullType) {
            return false;
        }
        if (from instanceof VarcharType || to instanceof VarcharType) {
            return true;
        }
        if (from.isNumeric() && to.isNumeric()) {
            return true;
        }
        if ((from instanceof BooleanType && to.isIntegral()) || (from.isIntegral() && to instanceof BooleanType)) {
            return true;
        }
        return (from instanceof DateType || from instanceof TimestampType) && (to instanceof DateType || to instanceof TimestampType);
    }

    /**
     * {@code expression} converted to {@code type}: unchanged when it already has the type, a constant computed
     * now when possible, else a {@link Cast}. A constant whose conversion would fail is left as a Cast, so the
     * error is raised by execution (and only if evaluated).
     */
    public static RowExpression coerce(RowExpression expression, DataType type)
    {
        if (expression.type().equals(type)) {
            return expression;
        }
        if (expression instanceof Constant constant) {
            if (constant.value() == null) {
                return new Constant(null, type);
            }
            if (constant.type() instanceof VarcharType && type instanceof VarcharType target && !target.isBounded()) {
                return new Constant(constant.value(), type);
            }
            try {
                return new Constant(ConstantCaster.cast(constant.value(), constant.type(), type), type);
            }
            catch (BasaltException | NotFoldableException e) {
                return new Cast(expression, type);
            }
        }
        return new Cast(expression, type);
    }

    public static boolean isDateTime(DataType type)
    {
        return type instanceof DateType || type instanceof TimestampType;
    }

    public static boolean isInterval(DataType type)
    {
        return type instanceof IntervalType;
    }
}
