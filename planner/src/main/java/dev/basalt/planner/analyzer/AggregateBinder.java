package dev.basalt.planner.analyzer;

import dev.basalt.parser.tree.Node;
import dev.basalt.planner.evaluate.ExpressionSimplifier;
import dev.basalt.planner.expression.Constant;
import dev.basalt.planner.expression.RowExpression;
import dev.basalt.planner.plan.AggregateFunction;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.BooleanType;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.spi.type.DoubleType;
import dev.basalt.spi.type.NullType;
import dev.basalt.spi.type.RealType;
import dev.basalt.spi.type.VarcharType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Binds the aggregate functions beyond count/sum/avg/min/max (statistics, quantiles, string_agg, arg_min, ...):
 * checks arguments, casts them to what the accumulators take, evaluates constant parameters and picks the
 * DuckDB-compatible result type.
 */
final class AggregateBinder
{
    static final Set<String> NAMES = Set.of(
            "stddev", "stddev_samp", "stddev_pop", "variance", "var_samp", "var_pop",
            "covar_pop", "covar_samp", "corr", "regr_slope", "regr_intercept",
            "regr_r2", "regr_avgx", "regr_avgy", "regr_sxx", "regr_syy", "regr_sxy",
            "median", "quantile_cont", "quantile_disc", "quantile", "percentile_cont", "percentile_disc", "mode",
            "approx_count_distinct",
            "bool_and", "bool_or", "every", "bit_and", "bit_or", "bit_xor",
            "arg_min", "argmin", "min_by", "arg_max", "argmax", "max_by",
            "any_value", "arbitrary", "first", "last",
            "string_agg", "listagg", "group_concat");

    /** A bound call: what the collector records. */
    record Bound(AggregateFunction function, List<RowExpression> arguments, boolean distinct, List<WindowCollector.Order> orderBy,
            List<Object> parameters, DataType type) {}

    private AggregateBinder() {}

    static Bound bind(String name, List<RowExpression> arguments, boolean star, boolean distinct, List<WindowCollector.Order> orderBy, Node node)
    {
        if (star) {
            throw SemanticErrors.error(ErrorCode.SYNTAX_ERROR, name + "(*) is only valid for count", node);
        }
        return switch (name) {
            case "stddev", "stddev_samp" -> statistic(AggregateFunction.STDDEV_SAMP, name, arguments, 1, distinct, node);
            case "stddev_pop" -> statistic(AggregateFunction.STDDEV_POP, name, arguments, 1, distinct, node);
            case "variance", "var_samp" -> statistic(AggregateFunction.VAR_SAMP, name, arguments, 1, distinct, node);
            case "var_pop" -> statistic(AggregateFunction.VAR_POP, name, arguments, 1, distinct, node);
            case "covar_pop" -> statistic(AggregateFunction.COVAR_POP, name, arguments, 2, distinct, node);
            case "covar_samp" -> statistic(AggregateFunction.COVAR_SAMP, name, arguments, 2, distinct, node);
            case "corr" -> statistic(AggregateFunction.CORR, name, arguments, 2, distinct, node);
            case "regr_slope" -> statistic(AggregateFunction.REGR_SLOPE, name, arguments, 2, distinct, node);
            case "regr_intercept" -> statistic(AggregateFunction.REGR_INTERCEPT, name, arguments, 2, distinct, node);
            case "regr_r2" -> statistic(AggregateFunction.REGR_R2, name, arguments, 2, distinct, node);
            case "regr_avgx" -> statistic(AggregateFunction.REGR_AVGX, name, arguments, 2, distinct, node);
            case "regr_avgy" -> statistic(AggregateFunction.REGR_AVGY, name, arguments, 2, distinct, node);
            case "regr_sxx" -> statistic(AggregateFunction.REGR_SXX, name, arguments, 2, distinct, node);
            case "regr_syy" -> statistic(AggregateFunction.REGR_SYY, name, arguments, 2, distinct, node);
            case "regr_sxy" -> statistic(AggregateFunction.REGR_SXY, name, arguments, 2, distinct, node);
            case "median" -> {
                requireCount(name, arguments, 1, 1, node);
                yield quantile(AggregateFunction.QUANTILE_CONT, name, arguments.getFirst(), 0.5, false, distinct, node);
            }
            case "quantile_cont", "quantile_disc", "quantile" -> {
                requireCount(name, arguments, 2, 2, node);
                double fraction = fraction(name, arguments.get(1), -1, node);
                AggregateFunction function = name.equals("quantile_cont") ? AggregateFunction.QUANTILE_CONT : AggregateFunction.QUANTILE_DISC;
                // a negative fraction counts from the top (DuckDB)
                boolean descending = fraction < 0 || (fraction == 0 && 1 / fraction < 0);
                yield quantile(function, name, arguments.getFirst(), Math.abs(fraction), descending, distinct, node);
            }
            case "percentile_cont", "percentile_disc" -> {
                // percentile_cont(fraction) WITHIN GROUP (ORDER BY value)
                requireCount(name, arguments, 1, 1, node);
                if (orderBy.size() != 1) {
                    throw SemanticErrors.error(ErrorCode.SYNTAX_ERROR, name + " requires WITHIN GROUP (ORDER BY value) with exactly one sort key", node);
                }
                double fraction = fraction(name, arguments.getFirst(), 0, node);
                AggregateFunction function = name.equals("percentile_cont") ? AggregateFunction.QUANTILE_CONT : AggregateFunction.QUANTILE_DISC;
                WindowCollector.Order order = orderBy.getFirst();
                yield quantile(function, name, order.expression(), fraction, !order.ascending(), distinct, node);
            }
            case "mode" -> {
                RowExpression value;
                if (arguments.isEmpty() && orderBy.size() == 1) {
                    value = orderBy.getFirst().expression();
                }
                else {
                    requireCount(name, arguments, 1, 1, node);
                    value = arguments.getFirst();
                }
                value = concrete(value);
                // ties go to the value seen first, so the order (WITHIN GROUP or ORDER BY) matters
                yield new Bound(AggregateFunction.MODE, List.of(value), distinct, orderBy, List.of(), value.type());
            }
            case "approx_count_distinct" -> {
                // exact: a distinct count (DuckDB's HyperLogLog estimate is exact for small cardinalities)
                requireCount(name, arguments, 1, 1, node);
                yield new Bound(AggregateFunction.COUNT, List.of(concrete(arguments.getFirst())), true, List.of(), List.of(), DataTypes.BIGINT);
            }
            case "bool_and", "every", "bool_or" -> {
                requireCount(name, arguments, 1, 1, node);
                RowExpression value = arguments.getFirst();
                if (value.type() instanceof NullType) {
                    value = TypeCoercion.coerce(value, DataTypes.BOOLEAN);
                }
                if (!(value.type() instanceof BooleanType)) {
                    throw undefinedFunction(name, arguments, node);
                }
                AggregateFunction function = name.equals("bool_or") ? AggregateFunction.BOOL_OR : AggregateFunction.BOOL_AND;
                yield new Bound(function, List.of(value), distinct, List.of(), List.of(), DataTypes.BOOLEAN);
            }
            case "bit_and", "bit_or", "bit_xor" -> {
                requireCount(name, arguments, 1, 1, node);
                RowExpression value = concrete(arguments.getFirst());
                if (!value.type().isIntegral()) {
                    throw undefinedFunction(name, arguments, node);
                }
                AggregateFunction function = switch (name) {
                    case "bit_and" -> AggregateFunction.BIT_AND;
                    case "bit_or" -> AggregateFunction.BIT_OR;
                    default -> AggregateFunction.BIT_XOR;
                };
                yield new Bound(function, List.of(value), distinct, List.of(), List.of(), value.type());
            }
            case "arg_min", "argmin", "min_by", "arg_max", "argmax", "max_by" -> {
                requireCount(name, arguments, 2, 2, node);
                if (distinct) {
                    throw SemanticErrors.notSupported("DISTINCT in " + name, node);
                }
                RowExpression argument = concrete(arguments.get(0));
                RowExpression value = concrete(arguments.get(1));
                AggregateFunction function = name.equals("arg_min") || name.equals("argmin") || name.equals("min_by")
                        ? AggregateFunction.ARG_MIN : AggregateFunction.ARG_MAX;
                yield new Bound(function, List.of(argument, value), false, orderBy, List.of(), argument.type());
            }
            case "any_value", "arbitrary", "first", "last" -> {
                requireCount(name, arguments, 1, 1, node);
                RowExpression value = concrete(arguments.getFirst());
                AggregateFunction function = switch (name) {
                    case "any_value" -> AggregateFunction.ANY_VALUE;
                    case "last" -> AggregateFunction.LAST;
                    default -> AggregateFunction.FIRST;
                };
                yield new Bound(function, List.of(value), distinct, orderBy, List.of(), value.type());
            }
            case "string_agg", "listagg", "group_concat" -> {
                requireCount(name, arguments, 1, 2, node);
                RowExpression value = arguments.getFirst();
                if (!(value.type() instanceof VarcharType) || ((VarcharType) value.type()).isBounded()) {
                    value = value.type() instanceof NullType ? TypeCoercion.coerce(value, DataTypes.VARCHAR) : OperatorTyping.cast(value, DataTypes.VARCHAR, false, node);
                }
                List<Object> parameters = new ArrayList<>();
                if (arguments.size() == 2) {
                    RowExpression separator = ExpressionSimplifier.simplify(arguments.get(1));
                    if (!(separator instanceof Constant constant)) {
                        throw SemanticErrors.error(ErrorCode.SYNTAX_ERROR, "the separator of " + name + " must be a constant", node);
                    }
                    if (!constant.isNull() && !(constant.type() instanceof VarcharType)) {
                        throw undefinedFunction(name, arguments, node);
                    }
                    // a NULL separator makes every result NULL (DuckDB): no parameter marks it
                    if (!constant.isNull()) {
                        parameters.add(constant.value());
                    }
                }
                else {
                    parameters.add(",");
                }
                yield new Bound(AggregateFunction.STRING_AGG, List.of(value), distinct, orderBy, parameters, DataTypes.VARCHAR);
            }
            default -> throw new IllegalArgumentException("not an aggregate: " + name);
        };
    }

    private static Bound statistic(AggregateFunction function, String name, List<RowExpression> arguments, int count, boolean distinct, Node node)
    {
        requireCount(name, arguments, count, count, node);
        if (distinct && count > 1) {
            throw SemanticErrors.notSupported("DISTINCT in " + name, node);
        }
        List<RowExpression> cast = new ArrayList<>();
        for (RowExpression argument : arguments) {
            if (!argument.type().isNumeric() && !(argument.type() instanceof NullType)) {
                throw undefinedFunction(name, arguments, node);
            }
            cast.add(TypeCoercion.coerce(argument, DataTypes.DOUBLE));
        }
        return new Bound(function, cast, distinct, List.of(), List.of(), DataTypes.DOUBLE);
    }

    private static Bound quantile(AggregateFunction function, String name, RowExpression value, double fraction, boolean descending, boolean distinct, Node node)
    {
        value = concrete(value);
        DataType type = value.type();
        DataType result;
        if (function == AggregateFunction.QUANTILE_CONT) {
            result = switch (type) {
                case DecimalType d -> type;
                case RealType r -> type;
                case DoubleType d -> type;
                default -> {
                    if (!type.isIntegral()) {
                        throw undefinedFunction(name, List.of(value), node);
                    }
                    yield DataTypes.DOUBLE;
                }
            };
        }
        else {
            result = type;
        }
        return new Bound(function, List.of(value), distinct, List.of(), List.of(fraction, descending), result);
    }

    /** The constant fraction argument of a quantile, checked to lie in [min, 1]. */
    private static double fraction(String name, RowExpression argument, int min, Node node)
    {
        RowExpression folded = ExpressionSimplifier.simplify(argument);
        if (!(folded instanceof Constant constant) || !(constant.type().isNumeric() || constant.type() instanceof NullType)) {
            throw SemanticErrors.error(ErrorCode.INVALID_PARAMETER_VALUE, "the fraction argument of " + name + " must be a numeric constant", node);
        }
        if (constant.isNull()) {
            throw SemanticErrors.error(ErrorCode.INVALID_PARAMETER_VALUE, "the fraction argument of " + name + " must not be NULL", node);
        }
        double fraction = switch (constant.value()) {
            case BigDecimal decimal -> decimal.doubleValue();
            case Number number -> number.doubleValue();
            default -> throw SemanticErrors.error(ErrorCode.INVALID_PARAMETER_VALUE, "the fraction argument of " + name + " must be a numeric constant", node);
        };
        if (!(fraction >= min && fraction <= 1)) {
            throw SemanticErrors.error(ErrorCode.INVALID_PARAMETER_VALUE,
                    name + " can only take fractions in the range [" + min + ", 1], got " + fraction, node);
        }
        return fraction;
    }

    /** An untyped NULL argument becomes an INTEGER NULL, as for the other aggregates. */
    private static RowExpression concrete(RowExpression value)
    {
        return value.type() instanceof NullType ? TypeCoercion.coerce(value, DataTypes.INTEGER) : value;
    }

    private static void requireCount(String name, List<RowExpression> arguments, int min, int max, Node node)
    {
        if (arguments.size() < min || arguments.size() > max) {
            throw undefinedFunction(name, arguments, node);
        }
    }

    private static BasaltException undefinedFunction(String name, List<RowExpression> arguments, Node node)
    {
        List<String> types = new ArrayList<>();
        for (RowExpression argument : arguments) {
            types.add(argument.type().sqlName());
        }
        return SemanticErrors.error(ErrorCode.UNDEFINED_FUNCTION, "function " + name + "(" + String.join(", ", types) + ") does not exist", node);
    }
}
