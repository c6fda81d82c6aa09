package dev.basalt.planner.analyzer;

import dev.basalt.parser.tree.Expression;
import dev.basalt.parser.tree.Identifier;
import dev.basalt.parser.tree.TableFunctionRelation;
import dev.basalt.planner.evaluate.ExpressionSimplifier;
import dev.basalt.planner.expression.Constant;
import dev.basalt.planner.expression.RowExpression;
import dev.basalt.planner.logical.LogicalPlan;
import dev.basalt.planner.logical.SeriesScan;
import dev.basalt.planner.logical.Symbol;
import dev.basalt.planner.logical.Values;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.BigintType;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.spi.type.DateType;
import dev.basalt.spi.type.IntegerType;
import dev.basalt.spi.type.IntervalType;
import dev.basalt.spi.type.NullType;
import dev.basalt.spi.type.SmallintType;
import dev.basalt.spi.type.TimestampType;
import dev.basalt.spi.value.Interval;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Table functions in FROM (PostgreSQL / DuckDB): {@code generate_series(start, stop[, step])} includes {@code stop},
 * {@code range(start, stop[, step])} excludes it; with one argument both count from 0 to it. Integer arguments give
 * BIGINT, DATE/TIMESTAMP bounds with an INTERVAL step give TIMESTAMP. Arguments must be constants after folding
 * (0A000 otherwise); a NULL argument gives no rows (DuckDB); a zero step is 22023. The column is named after the
 * function unless aliased ({@code generate_series(1, 3) AS g(x)}); the relation is named after the function too.
 */
final class TableFunctions
{
    private static final long MICROS_PER_SECOND = 1_000_000;

    private final AnalyzerContext context;

    TableFunctions(AnalyzerContext context)
    {
        this.context = requireNonNull(context, "context is null");
    }

    RelationPlan plan(TableFunctionRelation function)
    {
        String name = function.name().suffix().toLowerCase(Locale.ROOT);
        boolean inclusive = switch (name) {
            case "generate_series" -> true;
            case "range" -> false;
            default -> throw SemanticErrors.error(ErrorCode.UNDEFINED_FUNCTION, "table function " + function.name() + " does not exist", function);
        };
        if (function.name().parts().size() > 1) {
            throw SemanticErrors.error(ErrorCode.UNDEFINED_FUNCTION, "table function " + function.name() + " does not exist", function);
        }
        List<Expression> arguments = function.arguments();
        if (arguments.isEmpty() || arguments.size() > 3) {
            throw SemanticErrors.error(ErrorCode.UNDEFINED_FUNCTION, "table function " + name + " takes 1 to 3 arguments, got " + arguments.size(), function);
        }
        List<Constant> values = new ArrayList<>();
        for (Expression argument : arguments) {
            values.add(constant(argument, name));
        }
        boolean temporal = false;
        for (int i = 0; i < values.size(); i++) {
            DataType type = values.get(i).type();
            if (type instanceof DateType || type instanceof TimestampType || type instanceof IntervalType) {
                temporal = true;
            }
            else if (!(type instanceof SmallintType || type instanceof IntegerType || type instanceof BigintType || type instanceof NullType)) {
                throw noMatch(name, values, function);
            }
        }
        Optional<Identifier> alias = function.alias();
        String relation = alias.map(Identifier::value).orElse(name);
        if (function.columnAliases().size() > 1) {
            throw SemanticErrors.error(ErrorCode.INVALID_COLUMN_REFERENCE, "table \"" + relation + "\" has 1 columns available but "
                    + function.columnAliases().size() + " columns specified", function);
        }
        String column = function.columnAliases().isEmpty() ? name : function.columnAliases().getFirst().value();
        Symbol output = context.symbols().newSymbol(column, temporal ? DataTypes.TIMESTAMP : DataTypes.BIGINT);
        LogicalPlan plan = temporal ? temporalSeries(name, values, output, inclusive, function) : integerSeries(values, output, inclusive, function);
        return new RelationPlan(plan, new Scope(List.of(new Field(Optional.of(relation), column, output))));
    }

    private Constant constant(Expression argument, String function)
    {
        RowExpression bound;
        try {
            bound = ExpressionSimplifier.simplify(new ExpressionAnalyzer(context, Scope.empty(), "table function arguments", null, Map.of()).analyze(argument));
        }
        catch (BasaltException e) {
            if (e.code() == ErrorCode.UNDEFINED_COLUMN) {
                // PostgreSQL would read a column of an earlier FROM item (implicit LATERAL); Basalt has no LATERAL yet
                throw SemanticErrors.error(ErrorCode.FEATURE_NOT_SUPPORTED, "arguments of table function " + function
                        + " must be constants; column references (LATERAL) are not supported", argument);
            }
            throw e;
        }
        if (!(bound instanceof Constant constant)) {
            throw SemanticErrors.error(ErrorCode.FEATURE_NOT_SUPPORTED, "arguments of table function " + function + " must be constants", argument);
        }
        return constant;
    }

    private static LogicalPlan integerSeries(List<Constant> values, Symbol output, boolean inclusive, TableFunctionRelation function)
    {
        for (Constant value : values) {
            if (value.value() == null) {
                return Values.empty(List.of(output));
            }
        }
        long start = values.size() == 1 ? 0 : number(values.get(0));
        long stop = number(values.get(values.size() == 1 ? 0 : 1));
        long step = values.size() == 3 ? number(values.get(2)) : 1;
        if (step == 0) {
            throw SemanticErrors.error(ErrorCode.INVALID_PARAMETER_VALUE, "step size cannot equal zero", function);
        }
        return new SeriesScan(output, start, stop, step, 0, 0, inclusive);
    }

    private static long number(Constant constant)
    {
        return ((Number) constant.value()).longValue();
    }

    private static LogicalPlan temporalSeries(String name, List<Constant> values, Symbol output, boolean inclusive, TableFunctionRelation function)
    {
        if (values.size() != 3 || !isTimestampLike(values.get(0).type()) || !isTimestampLike(values.get(1).type())
                || !(values.get(2).type() instanceof IntervalType || values.get(2).type() instanceof NullType)) {
            throw noMatch(name, values, function);
        }
        for (Constant value : values) {
            if (value.value() == null) {
                return Values.empty(List.of(output));
            }
        }
        Interval step = (Interval) values.get(2).value();
        boolean positive = step.months() > 0 || step.days() > 0 || step.micros() > 0;
        boolean negative = step.months() < 0 || step.days() < 0 || step.micros() < 0;
        if (!positive && !negative) {
            throw SemanticErrors.error(ErrorCode.INVALID_PARAMETER_VALUE, "step size cannot equal zero", function);
        }
        if (positive && negative) {
            throw SemanticErrors.error(ErrorCode.INVALID_PARAMETER_VALUE,
                    "step interval of " + name + " cannot mix positive and negative parts", function);
        }
        return new SeriesScan(output, micros(values.get(0).value()), micros(values.get(1).value()), step.micros(), step.months(), step.days(), inclusive);
    }

    private static boolean isTimestampLike(DataType type)
    {
        return type instanceof DateType || type instanceof TimestampType || type instanceof NullType;
    }

    private static long micros(Object value)
    {
        LocalDateTime timestamp = value instanceof LocalDate date ? date.atStartOfDay() : (LocalDateTime) value;
        return timestamp.toEpochSecond(ZoneOffset.UTC) * MICROS_PER_SECOND + timestamp.get(ChronoField.MICRO_OF_SECOND);
    }

    private static BasaltException noMatch(String name, List<Constant> values, TableFunctionRelation function)
    {
        List<String> types = new ArrayList<>();
        for (Constant value : values) {
            types.add(value.type().sqlName());
        }
        return SemanticErrors.error(ErrorCode.UNDEFINED_FUNCTION, "table function " + name + "(" + String.join(", ", types)
                + ") does not exist; it takes integers, or DATE/TIMESTAMP bounds and an INTERVAL step", function);
    }
}
