package dev.basalt.planner.analyzer;

import dev.basalt.parser.tree.ArithmeticOperator;
import dev.basalt.parser.tree.Node;
import dev.basalt.planner.expression.Call;
import dev.basalt.planner.expression.CaseExpression;
import dev.basalt.planner.expression.Constant;
import dev.basalt.planner.expression.Function;
import dev.basalt.planner.expression.RowExpression;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.BlobType;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.spi.type.NullType;
import dev.basalt.spi.type.VarcharType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Binds the analysts' scalar function library (date/time formatting and construction, string utilities, math,
 * random values) with DuckDB's names, argument types and result types. Returns empty for names it does not know.
 */
final class FunctionLibraryBinder
{
    private final OperatorTyping typing;

    FunctionLibraryBinder(OperatorTyping typing)
    {
        this.typing = requireNonNull(typing, "typing is null");
    }

    Optional<RowExpression> bind(String name, List<RowExpression> arguments, Node node)
    {
        RowExpression result = switch (name) {
            // ------------------------------------------------------------ dates and times
            case "strftime" -> {
                ArgumentCoercion.requireArguments(name, arguments, 2, 2, node);
                RowExpression value = arguments.get(0);
                RowExpression format = arguments.get(1);
                if (!TypeCoercion.isDateTime(value.type()) && TypeCoercion.isDateTime(format.type())) {
                    // DuckDB also accepts strftime(format, value)
                    value = arguments.get(1);
                    format = arguments.get(0);
                }
                yield new Call(Function.STRFTIME, List.of(ArgumentCoercion.dateTime(typing, value, name, node), ArgumentCoercion.varchar(format, name, node)), DataTypes.VARCHAR);
            }
            case "strptime" -> {
                ArgumentCoercion.requireArguments(name, arguments, 2, 2, node);
                yield new Call(Function.STRPTIME, ArgumentCoercion.varchars(arguments, name, node), DataTypes.TIMESTAMP);
            }
            case "make_date" -> {
                ArgumentCoercion.requireArguments(name, arguments, 3, 3, node);
                yield new Call(Function.MAKE_DATE, bigints(arguments, name, node), DataTypes.DATE);
            }
            case "make_timestamp" -> {
                ArgumentCoercion.requireArguments(name, arguments, 1, 6, node);
                if (arguments.size() == 1) {
                    // microseconds since the epoch
                    yield new Call(Function.MAKE_TIMESTAMP, List.of(bigint(arguments.getFirst(), name, node)), DataTypes.TIMESTAMP);
                }
                ArgumentCoercion.requireArguments(name, arguments, 6, 6, node);
                List<RowExpression> operands = new ArrayList<>(bigints(arguments.subList(0, 5), name, node));
                operands.add(ArgumentCoercion.numericAs(typing, arguments.get(5), DataTypes.DOUBLE, name, node));
                yield new Call(Function.MAKE_TIMESTAMP, operands, DataTypes.TIMESTAMP);
            }
            case "last_day" -> {
                ArgumentCoercion.requireArguments(name, arguments, 1, 1, node);
                yield new Call(Function.LAST_DAY, List.of(ArgumentCoercion.dateTime(typing, arguments.getFirst(), name, node)), DataTypes.DATE);
            }
            case "dayname", "monthname" -> {
                ArgumentCoercion.requireArguments(name, arguments, 1, 1, node);
                yield new Call(name.equals("dayname") ? Function.DAYNAME : Function.MONTHNAME, List.of(ArgumentCoercion.dateTime(typing, arguments.getFirst(), name, node)), DataTypes.VARCHAR);
            }
            case "age" -> {
                ArgumentCoercion.requireArguments(name, arguments, 1, 2, node);
                List<RowExpression> operands = new ArrayList<>();
                if (arguments.size() == 1) {
                    // PostgreSQL: age(ts) = age(current_date, ts)
                    operands.add(new Constant(LocalDate.now().atStartOfDay(), DataTypes.TIMESTAMP));
                }
                for (RowExpression argument : arguments) {
                    operands.add(TypeCoercion.coerce(ArgumentCoercion.dateTime(typing, argument, name, node), DataTypes.TIMESTAMP));
                }
                yield new Call(Function.AGE, operands, DataTypes.INTERVAL);
            }
            case "to_timestamp" -> {
                ArgumentCoercion.requireArguments(name, arguments, 1, 1, node);
                yield new Call(Function.TO_TIMESTAMP, List.of(ArgumentCoercion.numericAs(typing, arguments.getFirst(), DataTypes.DOUBLE, name, node)), DataTypes.TIMESTAMP);
            }
            case "epoch_ms" -> {
                ArgumentCoercion.requireArguments(name, arguments, 1, 1, node);
                RowExpression argument = arguments.getFirst();
                if (TypeCoercion.isDateTime(argument.type())) {
                    yield new Call(Function.EPOCH_MS_OF, List.of(argument), DataTypes.BIGINT);
                }
                yield new Call(Function.EPOCH_MS, List.of(bigint(argument, name, node)), DataTypes.TIMESTAMP);
            }
            case "date_diff", "datediff", "date_sub", "datesub" -> {
                ArgumentCoercion.requireArguments(name, arguments, 3, 3, node);
                if (!(arguments.getFirst() instanceof Constant part) || !(part.value() instanceof String text)) {
                    throw SemanticErrors.error(ErrorCode.INVALID_PARAMETER_VALUE, "the first argument of " + name + " must be a constant string", node);
                }
                Function function = name.startsWith("date_s") || name.equals("datesub") ? Function.DATE_SUB_UNITS : Function.DATE_DIFF_UNITS;
                yield new Call(function, List.of(new Constant(diffPart(text, node), DataTypes.VARCHAR),
                        ArgumentCoercion.dateTime(typing, arguments.get(1), name, node), ArgumentCoercion.dateTime(typing, arguments.get(2), name, node)), DataTypes.BIGINT);
            }
            case "date_add" -> {
                ArgumentCoercion.requireArguments(name, arguments, 2, 2, node);
                yield typing.arithmetic(ArithmeticOperator.ADD, arguments.get(0), arguments.get(1), node);
            }
            // ------------------------------------------------------------ strings
            case "translate" -> fixed(Function.TRANSLATE, name, arguments, 3, DataTypes.VARCHAR, node);
            case "ascii" -> fixed(Function.ASCII, name, arguments, 1, DataTypes.INTEGER, node);
            case "unicode", "ord" -> fixed(Function.UNICODE, name, arguments, 1, DataTypes.INTEGER, node);
            case "md5", "sha256" -> {
                ArgumentCoercion.requireArguments(name, arguments, 1, 1, node);
                RowExpression value = arguments.getFirst();
                // a BLOB's bytes are hashed as they are, text as its UTF-8 bytes
                yield new Call(name.equals("md5") ? Function.MD5 : Function.SHA256,
                        List.of(value.type() instanceof BlobType ? value : ArgumentCoercion.varchar(value, name, node)), DataTypes.VARCHAR);
            }
            // ------------------------------------------------------------ BLOB
            case "octet_length" -> {
                ArgumentCoercion.requireArguments(name, arguments, 1, 1, node);
                RowExpression value = arguments.getFirst();
                yield new Call(Function.OCTET_LENGTH, List.of(value.type() instanceof BlobType ? value : ArgumentCoercion.varchar(value, name, node)), DataTypes.BIGINT);
            }
            case "hex", "to_hex" -> {
                ArgumentCoercion.requireArguments(name, arguments, 1, 1, node);
                RowExpression value = arguments.getFirst();
                yield new Call(Function.HEX, List.of(value.type() instanceof BlobType ? value : ArgumentCoercion.varchar(value, name, node)), DataTypes.VARCHAR);
            }
            case "unhex", "from_hex" -> {
                ArgumentCoercion.requireArguments(name, arguments, 1, 1, node);
                yield new Call(Function.UNHEX, List.of(ArgumentCoercion.varchar(arguments.getFirst(), name, node)), DataTypes.BLOB);
            }
            case "encode" -> {
                ArgumentCoercion.requireArguments(name, arguments, 1, 1, node);
                yield new Call(Function.ENCODE, List.of(ArgumentCoercion.varchar(arguments.getFirst(), name, node)), DataTypes.BLOB);
            }
            case "decode" -> {
                ArgumentCoercion.requireArguments(name, arguments, 1, 1, node);
                yield new Call(Function.DECODE, List.of(ArgumentCoercion.blob(arguments.getFirst(), name, node)), DataTypes.VARCHAR);
            }
            case "contains" -> fixed(Function.CONTAINS, name, arguments, 2, DataTypes.BOOLEAN, node);
            case "bit_length" -> fixed(Function.BIT_LENGTH, name, arguments, 1, DataTypes.BIGINT, node);
            case "strlen" -> fixed(Function.STRLEN, name, arguments, 1, DataTypes.BIGINT, node);
            case "levenshtein", "editdist3" -> fixed(Function.LEVENSHTEIN, name, arguments, 2, DataTypes.BIGINT, node);
            case "hamming", "mismatches" -> fixed(Function.HAMMING, name, arguments, 2, DataTypes.BIGINT, node);
            case "jaccard" -> fixed(Function.JACCARD, name, arguments, 2, DataTypes.DOUBLE, node);
            case "chr" -> {
                ArgumentCoercion.requireArguments(name, arguments, 1, 1, node);
                yield new Call(Function.CHR, List.of(bigint(arguments.getFirst(), name, node)), DataTypes.VARCHAR);
            }
            case "regexp_extract" -> {
                ArgumentCoercion.requireArguments(name, arguments, 2, 3, node);
                List<RowExpression> operands = new ArrayList<>(ArgumentCoercion.varchars(arguments.subList(0, 2), name, node));
                if (arguments.size() > 2) {
                    operands.add(bigint(arguments.get(2), name, node));
                }
                yield new Call(Function.REGEXP_EXTRACT, operands, DataTypes.VARCHAR);
            }
            case "regexp_full_match" -> {
                ArgumentCoercion.requireArguments(name, arguments, 2, 3, node);
                yield new Call(Function.REGEXP_FULL_MATCH, ArgumentCoercion.varchars(arguments, name, node), DataTypes.BOOLEAN);
            }
            case "concat_ws" -> {
                ArgumentCoercion.requireArguments(name, arguments, 2, Integer.MAX_VALUE, node);
                List<RowExpression> operands = new ArrayList<>();
                operands.add(ArgumentCoercion.varchar(arguments.getFirst(), name, node));
                for (RowExpression argument : arguments.subList(1, arguments.size())) {
                    operands.add(argument.type() instanceof VarcharType ? argument : TypeCoercion.coerce(argument, DataTypes.VARCHAR));
                }
                yield new Call(Function.CONCAT_WS, operands, DataTypes.VARCHAR);
            }
            case "format" -> {
                ArgumentCoercion.requireArguments(name, arguments, 1, Integer.MAX_VALUE, node);
                List<RowExpression> operands = new ArrayList<>();
                operands.add(ArgumentCoercion.varchar(arguments.getFirst(), name, node));
                for (RowExpression argument : arguments.subList(1, arguments.size())) {
                    // DuckDB formats DECIMAL values as DOUBLE (2.50 -> 2.5)
                    RowExpression value = argument.type() instanceof DecimalType ? TypeCoercion.coerce(argument, DataTypes.DOUBLE) : argument;
                    operands.add(value.type() instanceof VarcharType ? value : TypeCoercion.coerce(value, DataTypes.VARCHAR));
                }
                yield new Call(Function.FORMAT, operands, DataTypes.VARCHAR);
            }
            // ------------------------------------------------------------ math
            case "log2", "cbrt", "degrees", "radians", "sin", "cos", "tan", "cot", "asin", "acos", "atan", "even" -> {
                ArgumentCoercion.requireArguments(name, arguments, 1, 1, node);
                yield new Call(Function.valueOf(name.toUpperCase(Locale.ROOT)), List.of(ArgumentCoercion.numericAs(typing, arguments.getFirst(), DataTypes.DOUBLE, name, node)), DataTypes.DOUBLE);
            }
            case "atan2" -> {
                ArgumentCoercion.requireArguments(name, arguments, 2, 2, node);
                yield new Call(Function.ATAN2, List.of(ArgumentCoercion.numericAs(typing, arguments.get(0), DataTypes.DOUBLE, name, node), ArgumentCoercion.numericAs(typing, arguments.get(1), DataTypes.DOUBLE, name, node)), DataTypes.DOUBLE);
            }
            case "isnan", "isinf", "isfinite" -> {
                ArgumentCoercion.requireArguments(name, arguments, 1, 1, node);
                yield new Call(Function.valueOf(name.toUpperCase(Locale.ROOT)), List.of(ArgumentCoercion.numericAs(typing, arguments.getFirst(), DataTypes.DOUBLE, name, node)), DataTypes.BOOLEAN);
            }
            case "pi" -> {
                ArgumentCoercion.requireArguments(name, arguments, 0, 0, node);
                yield new Constant(Math.PI, DataTypes.DOUBLE);
            }
            case "mod" -> {
                ArgumentCoercion.requireArguments(name, arguments, 2, 2, node);
                yield typing.arithmetic(ArithmeticOperator.MODULUS, arguments.get(0), arguments.get(1), node);
            }
            case "trunc" -> {
                ArgumentCoercion.requireArguments(name, arguments, 1, 2, node);
                yield trunc(arguments, node);
            }
            case "gcd", "lcm" -> {
                ArgumentCoercion.requireArguments(name, arguments, 2, 2, node);
                yield new Call(name.equals("gcd") ? Function.GCD : Function.LCM, bigints(arguments, name, node), DataTypes.BIGINT);
            }
            case "factorial" -> {
                ArgumentCoercion.requireArguments(name, arguments, 1, 1, node);
                // DuckDB returns HUGEINT; 33! is the largest that fits 38 digits
                yield new Call(Function.FACTORIAL, List.of(bigint(arguments.getFirst(), name, node)), DecimalType.of(DecimalType.MAX_PRECISION, 0));
            }
            case "bit_count" -> {
                ArgumentCoercion.requireArguments(name, arguments, 1, 1, node);
                RowExpression value = arguments.getFirst();
                if (value.type() instanceof NullType) {
                    value = TypeCoercion.coerce(value, DataTypes.INTEGER);
                }
                if (!value.type().isIntegral()) {
                    throw ArgumentCoercion.undefinedFunction(name, arguments, node);
                }
                // DuckDB: TINYINT; counts the bits of the operand's own width
                yield new Call(Function.BIT_COUNT, List.of(value), DataTypes.SMALLINT);
            }
            case "random" -> {
                ArgumentCoercion.requireArguments(name, arguments, 0, 0, node);
                yield new Call(Function.RANDOM, List.of(), DataTypes.DOUBLE);
            }
            case "uuid", "gen_random_uuid" -> {
                ArgumentCoercion.requireArguments(name, arguments, 0, 0, node);
                yield new Call(Function.UUID, List.of(), DataTypes.VARCHAR);
            }
            default -> null;
        };
        return Optional.ofNullable(result);
    }

    /** TRUNC(x): integers unchanged, DECIMAL toward zero at scale 0; TRUNC(x, n) keeps integer types, else DOUBLE. */
    private RowExpression trunc(List<RowExpression> arguments, Node node)
    {
        RowExpression value = ArgumentCoercion.numeric(arguments.getFirst(), "trunc", node);
        DataType type = value.type();
        if (arguments.size() == 1) {
            if (type.isIntegral()) {
                return value;
            }
            if (type instanceof DecimalType decimal) {
                if (decimal.scale() == 0) {
                    return value;
                }
                // toward zero: FLOOR for non-negative values, CEIL for negative ones
                DecimalType result = DecimalType.of(decimal.precision(), 0);
                RowExpression negative = new Call(Function.LESS_THAN, List.of(value, new Constant(BigDecimal.ZERO.setScale(decimal.scale()), decimal)), DataTypes.BOOLEAN);
                return new CaseExpression(
                        List.of(new CaseExpression.WhenClause(negative, new Call(Function.CEIL, List.of(value), result))),
                        new Call(Function.FLOOR, List.of(value), result), result);
            }
            return new Call(Function.TRUNC, List.of(TypeCoercion.coerce(value, DataTypes.DOUBLE)), DataTypes.DOUBLE);
        }
        RowExpression digits = bigint(arguments.get(1), "trunc", node);
        if (type.isIntegral()) {
            return new Call(Function.TRUNC, List.of(value, digits), type);
        }
        return new Call(Function.TRUNC, List.of(TypeCoercion.coerce(value, DataTypes.DOUBLE), digits), DataTypes.DOUBLE);
    }

    private static String diffPart(String text, Node node)
    {
        return switch (text.toLowerCase(Locale.ROOT).trim()) {
            case "year", "years", "y", "yr", "yrs", "yy", "yyyy" -> "year";
            case "quarter", "quarters", "q" -> "quarter";
            case "month", "months", "mon", "mons", "mm" -> "month";
            case "week", "weeks", "w", "wk", "weekofyear" -> "week";
            case "day", "days", "d", "dd", "dayofmonth", "dayofyear", "doy", "dow", "dayofweek", "isodow", "weekday" -> "day";
            case "hour", "hours", "h", "hr", "hrs" -> "hour";
            case "minute", "minutes", "m", "min", "mins" -> "minute";
            case "second", "seconds", "s", "sec", "secs" -> "second";
            case "millisecond", "milliseconds", "ms", "msec", "msecs" -> "millisecond";
            case "microsecond", "microseconds", "us", "usec", "usecs" -> "microsecond";
            case "decade", "decades" -> "decade";
            case "century", "centuries" -> "century";
            case "millennium", "millennia" -> "millennium";
            default -> throw SemanticErrors.error(ErrorCode.INVALID_PARAMETER_VALUE, "date part \"" + text + "\" is not recognized", node);
        };
    }

    // ---------------------------------------------------------------- argument checks

    private static RowExpression fixed(Function function, String name, List<RowExpression> arguments, int count, DataType type, Node node)
    {
        ArgumentCoercion.requireArguments(name, arguments, count, count, node);
        return new Call(function, ArgumentCoercion.varchars(arguments, name, node), type);
    }

    private List<RowExpression> bigints(List<RowExpression> arguments, String name, Node node)
    {
        List<RowExpression> result = new ArrayList<>();
        for (RowExpression argument : arguments) {
            result.add(bigint(argument, name, node));
        }
        return result;
    }

    /** An integer argument as BIGINT; DECIMAL/DOUBLE values are rounded by the cast, as DuckDB's implicit cast does. */
    private RowExpression bigint(RowExpression argument, String name, Node node)
    {
        return ArgumentCoercion.numericAs(typing, argument, DataTypes.BIGINT, name, node);
    }
}
