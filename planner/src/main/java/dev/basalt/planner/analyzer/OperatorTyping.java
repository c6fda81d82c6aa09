package dev.basalt.planner.analyzer;

import dev.basalt.parser.tree.ArithmeticOperator;
import dev.basalt.parser.tree.Node;
import dev.basalt.planner.evaluate.ConstantCaster;
import dev.basalt.planner.evaluate.NotFoldableException;
import dev.basalt.planner.expression.Call;
import dev.basalt.planner.expression.CaseExpression;
import dev.basalt.planner.expression.Cast;
import dev.basalt.planner.expression.Constant;
import dev.basalt.planner.expression.Function;
import dev.basalt.planner.expression.RowExpression;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.BlobType;
import dev.basalt.spi.type.BooleanType;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.spi.type.DateType;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.spi.type.DoubleType;
import dev.basalt.spi.type.IntervalType;
import dev.basalt.spi.type.NullType;
import dev.basalt.spi.type.RealType;
import dev.basalt.spi.type.TimestampType;
import dev.basalt.spi.type.VarcharType;
import dev.basalt.spi.value.Interval;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Types operators and inserts the implicit casts the {@link Function} contract requires. Constants are
 * flexible, as literals are in PostgreSQL and DuckDB: a string constant takes the type of the other operand
 * (a bad value is a 42804 type error), and a numeric constant is converted to the other operand's type when
 * that is exact, so {@code smallint_col = 5} or {@code decimal_col < 24} do not widen the column.
 */
final class OperatorTyping
{
    /** DECIMALs up to this precision are 64-bit; results of 64-bit inputs stay 64-bit (DuckDB does the same). */
    private static final int MAX_SHORT_DECIMAL = DecimalType.MAX_SHORT_PRECISION;

    /** Marks a non-BLOB operand compared with a BLOB in SQLite mode: below every prefixed BLOB (see below). */
    private static final byte[] LOWER_CLASS = {1};
    private static final byte[] BLOB_CLASS = {2};

    private final boolean integerDivision;
    private final boolean sqliteCompatibility;

    OperatorTyping(boolean integerDivision)
    {
        this(integerDivision, false);
    }

    OperatorTyping(boolean integerDivision, boolean sqliteCompatibility)
    {
        this.integerDivision = integerDivision;
        this.sqliteCompatibility = sqliteCompatibility;
    }

    // ---------------------------------------------------------------- arithmetic

    RowExpression arithmetic(ArithmeticOperator operator, RowExpression left, RowExpression right, Node node)
    {
        RowExpression l = adaptStringForArithmetic(left, right, operator, node);
        RowExpression r = adaptStringForArithmetic(right, left, operator, node);
        if (l.type() instanceof NullType && r.type() instanceof NullType) {
            l = new Constant(null, DataTypes.INTEGER);
            r = new Constant(null, DataTypes.INTEGER);
        }
        else if (l.type() instanceof NullType) {
            l = TypeCoercion.coerce(l, nullPartner(r.type()));
        }
        else if (r.type() instanceof NullType) {
            r = TypeCoercion.coerce(r, nullPartner(l.type()));
        }
        DataType lt = l.type();
        DataType rt = r.type();
        if (TypeCoercion.isDateTime(lt) || TypeCoercion.isDateTime(rt) || lt instanceof IntervalType || rt instanceof IntervalType) {
            return dateArithmetic(operator, l, r, node);
        }
        if (!lt.isNumeric() || !rt.isNumeric()) {
            throw mismatch(operator.symbol(), lt, rt, node);
        }
        boolean floating = isFloating(lt) || isFloating(rt);
        DataType floatingType = lt instanceof RealType && rt instanceof RealType ? DataTypes.REAL : DataTypes.DOUBLE;
        boolean integral = lt.isIntegral() && rt.isIntegral();
        return switch (operator) {
            case DIVIDE -> {
                if (integerDivision && integral) {
                    yield sameType(Function.DIVIDE, l, r, TypeCoercion.commonSuperType(lt, rt).orElseThrow());
                }
                // DuckDB: / on integers and decimals is a floating point division
                yield sameType(Function.DIVIDE, l, r, floating ? floatingType : DataTypes.DOUBLE);
            }
            case INTEGER_DIVIDE -> {
                if (integral) {
                    yield sameType(Function.DIVIDE, l, r, TypeCoercion.commonSuperType(lt, rt).orElseThrow());
                }
                RowExpression quotient = sameType(Function.DIVIDE, l, r, DataTypes.DOUBLE);
                yield new Call(Function.FLOOR, List.of(quotient), DataTypes.DOUBLE);
            }
            case MODULUS -> {
                if (floating) {
                    yield sameType(Function.MODULO, l, r, floatingType);
                }
                if (integral) {
                    yield sameType(Function.MODULO, l, r, TypeCoercion.commonSuperType(lt, rt).orElseThrow());
                }
                DecimalType dl = TypeCoercion.decimalTypeOf(l);
                DecimalType dr = TypeCoercion.decimalTypeOf(r);
                yield new Call(Function.MODULO, List.of(TypeCoercion.coerce(l, dl), TypeCoercion.coerce(r, dr)), TypeCoercion.commonDecimal(dl, dr));
            }
            case ADD, SUBTRACT, MULTIPLY -> {
                Function function = operator == ArithmeticOperator.ADD ? Function.ADD
                        : operator == ArithmeticOperator.SUBTRACT ? Function.SUBTRACT : Function.MULTIPLY;
                if (floating) {
                    yield sameType(function, l, r, floatingType);
                }
                if (integral) {
                    yield sameType(function, l, r, TypeCoercion.commonSuperType(lt, rt).orElseThrow());
                }
                DecimalType dl = TypeCoercion.decimalTypeOf(l);
                DecimalType dr = TypeCoercion.decimalTypeOf(r);
                DecimalType result = decimalResult(function, dl, dr, node);
                yield new Call(function, List.of(TypeCoercion.coerce(l, dl), TypeCoercion.coerce(r, dr)), result);
            }
        };
    }

    /**
     * DECIMAL result of + - *: add/subtract DECIMAL(max(p1-s1, p2-s2) + max(s1, s2) + 1, max(s1, s2)), multiply
     * DECIMAL(p1 + p2, s1 + s2), at most 38 digits. As in DuckDB, a result of two 64-bit decimals stays 64-bit
     * (precision 18, overflow raises 22003) instead of silently becoming a slow 128-bit decimal.
     */
    static DecimalType decimalResult(Function function, DecimalType left, DecimalType right, Node node)
    {
        int scale;
        int precision;
        if (function == Function.MULTIPLY) {
            scale = left.scale() + right.scale();
            precision = left.precision() + right.precision();
            if (scale > DecimalType.MAX_PRECISION) {
                throw SemanticErrors.error(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "the product of " + left + " and " + right
                        + " needs scale " + scale + ", more than the maximum 38; cast an operand to a smaller scale or to DOUBLE", node);
            }
        }
        else {
            scale = Math.max(left.scale(), right.scale());
            precision = Math.max(left.precision() - left.scale(), right.precision() - right.scale()) + scale + 1;
        }
        if (precision > MAX_SHORT_DECIMAL && left.precision() <= MAX_SHORT_DECIMAL && right.precision() <= MAX_SHORT_DECIMAL
                && scale < MAX_SHORT_DECIMAL) {
            precision = MAX_SHORT_DECIMAL;
        }
        precision = Math.min(precision, DecimalType.MAX_PRECISION);
        return DecimalType.of(Math.max(precision, scale), scale);
    }

    private static boolean isFloating(DataType type)
    {
        return type instanceof DoubleType || type instanceof RealType;
    }

    private static Call sameType(Function function, RowExpression left, RowExpression right, DataType type)
    {
        return new Call(function, List.of(TypeCoercion.coerce(left, type), TypeCoercion.coerce(right, type)), type);
    }

    private static DataType nullPartner(DataType other)
    {
        if (TypeCoercion.isDateTime(other)) {
            return DataTypes.INTERVAL;
        }
        if (other instanceof IntervalType) {
            return DataTypes.TIMESTAMP;
        }
        return other;
    }

    private RowExpression adaptStringForArithmetic(RowExpression expression, RowExpression other, ArithmeticOperator operator, Node node)
    {
        if (!isStringConstant(expression) || other.type() instanceof VarcharType || other.type() instanceof NullType) {
            return expression;
        }
        DataType target = TypeCoercion.isDateTime(other.type()) ? DataTypes.INTERVAL : other.type();
        if (!target.isNumeric() && !(target instanceof IntervalType)) {
            return expression;
        }
        return literalAs((Constant) expression, target, "operator " + operator.symbol(), node);
    }

    private RowExpression dateArithmetic(ArithmeticOperator operator, RowExpression left, RowExpression right, Node node)
    {
        DataType lt = left.type();
        DataType rt = right.type();
        if (operator == ArithmeticOperator.ADD) {
            if (TypeCoercion.isDateTime(lt) && rt instanceof IntervalType) {
                return new Call(Function.DATE_ADD, List.of(left, right), dateAddResult(lt, right));
            }
            if (lt instanceof IntervalType && TypeCoercion.isDateTime(rt)) {
                return new Call(Function.DATE_ADD, List.of(right, left), dateAddResult(rt, left));
            }
            if (lt instanceof DateType && rt.isIntegral()) {
                return new Call(Function.DATE_ADD, List.of(left, days(right, node)), DataTypes.DATE);
            }
            if (lt.isIntegral() && rt instanceof DateType) {
                return new Call(Function.DATE_ADD, List.of(right, days(left, node)), DataTypes.DATE);
            }
        }
        if (operator == ArithmeticOperator.SUBTRACT) {
            if (TypeCoercion.isDateTime(lt) && rt instanceof IntervalType) {
                return new Call(Function.DATE_SUBTRACT, List.of(left, right), dateAddResult(lt, right));
            }
            if (lt instanceof DateType && rt instanceof DateType) {
                return new Call(Function.DATE_DIFF, List.of(left, right), DataTypes.BIGINT);
            }
            if (lt instanceof DateType && rt.isIntegral()) {
                return new Call(Function.DATE_SUBTRACT, List.of(left, days(right, node)), DataTypes.DATE);
            }
            if (TypeCoercion.isDateTime(lt) && TypeCoercion.isDateTime(rt)) {
                // TIMESTAMP - TIMESTAMP (or with a DATE, taken as its midnight) is an INTERVAL
                return new Call(Function.TIMESTAMP_DIFF, List.of(TypeCoercion.coerce(left, DataTypes.TIMESTAMP), TypeCoercion.coerce(right, DataTypes.TIMESTAMP)),
                        DataTypes.INTERVAL);
            }
        }
        RowExpression interval = intervalArithmetic(operator, left, right);
        if (interval != null) {
            return interval;
        }
        throw mismatch(operator.symbol(), lt, rt, node);
    }

    /**
     * INTERVAL +/- INTERVAL, INTERVAL * number (either order) and INTERVAL / number, as in DuckDB: an integral
     * factor multiplies exactly (BIGINT), any other number is a DOUBLE whose fractions carry down to smaller fields.
     * Null when the operands do not form interval arithmetic.
     */
    private static RowExpression intervalArithmetic(ArithmeticOperator operator, RowExpression left, RowExpression right)
    {
        DataType lt = left.type();
        DataType rt = right.type();
        return switch (operator) {
            case ADD, SUBTRACT -> lt instanceof IntervalType && rt instanceof IntervalType
                    ? new Call(operator == ArithmeticOperator.ADD ? Function.ADD : Function.SUBTRACT, List.of(left, right), DataTypes.INTERVAL)
                    : null;
            case MULTIPLY -> {
                if (lt instanceof IntervalType && rt.isNumeric()) {
                    yield new Call(Function.MULTIPLY, List.of(left, factor(right)), DataTypes.INTERVAL);
                }
                if (lt.isNumeric() && rt instanceof IntervalType) {
                    yield new Call(Function.MULTIPLY, List.of(right, factor(left)), DataTypes.INTERVAL);
                }
                yield null;
            }
            case DIVIDE -> lt instanceof IntervalType && rt.isNumeric()
                    ? new Call(Function.DIVIDE, List.of(left, TypeCoercion.coerce(right, DataTypes.DOUBLE)), DataTypes.INTERVAL)
                    : null;
            case INTEGER_DIVIDE, MODULUS -> null;
        };
    }

    private static RowExpression factor(RowExpression number)
    {
        return TypeCoercion.coerce(number, number.type().isIntegral() ? DataTypes.BIGINT : DataTypes.DOUBLE);
    }

    /** DATE +/- interval is a DATE when the interval is a constant without a time part, else a TIMESTAMP. */
    private static DataType dateAddResult(DataType source, RowExpression interval)
    {
        // DATE +/- INTERVAL is a TIMESTAMP, as in DuckDB and PostgreSQL (ExpressionSimplifier turns a DATE column
        // compared with the resulting constant back into a DATE comparison)
        return DataTypes.TIMESTAMP;
    }

    private static Constant days(RowExpression count, Node node)
    {
        if (count instanceof Constant constant) {
            if (constant.value() == null) {
                return new Constant(null, DataTypes.INTERVAL);
            }
            long days = ((Number) constant.value()).longValue();
            if (days < Integer.MIN_VALUE || days > Integer.MAX_VALUE) {
                throw SemanticErrors.error(ErrorCode.DATETIME_FIELD_OVERFLOW, "date out of range: " + days + " days", node);
            }
            return new Constant(Interval.ofDays((int) days), DataTypes.INTERVAL);
        }
        throw SemanticErrors.notSupported("adding a non-constant number of days to a DATE (use an INTERVAL)", node);
    }

    RowExpression negate(RowExpression value, Node node)
    {
        if (value.type() instanceof NullType) {
            return new Constant(null, DataTypes.INTEGER);
        }
        if (!value.type().isNumeric() && !(value.type() instanceof IntervalType)) {
            throw SemanticErrors.error(ErrorCode.DATATYPE_MISMATCH, "cannot negate a value of type " + value.type().sqlName(), node);
        }
        return new Call(Function.NEGATE, List.of(value), value.type());
    }

    // ---------------------------------------------------------------- comparisons

    /** {@code left op right} with both operands brought to comparable types. */
    Call comparison(Function function, RowExpression left, RowExpression right, String symbol, Node node)
    {
        List<RowExpression> operands = comparisonOperands(left, right, symbol, node);
        return new Call(function, operands, BooleanType.BOOLEAN);
    }

    List<RowExpression> comparisonOperands(RowExpression left, RowExpression right, String symbol, Node node)
    {
        RowExpression l = left;
        RowExpression r = right;
        if (l.type() instanceof NullType && r.type() instanceof NullType) {
            return List.of(TypeCoercion.coerce(l, DataTypes.INTEGER), TypeCoercion.coerce(r, DataTypes.INTEGER));
        }
        if (l.type() instanceof NullType) {
            return List.of(TypeCoercion.coerce(l, r.type()), r);
        }
        if (r.type() instanceof NullType) {
            return List.of(l, TypeCoercion.coerce(r, l.type()));
        }
        if (comparable(l.type(), r.type())) {
            return List.of(l, r);
        }
        if (l.type() instanceof BlobType || r.type() instanceof BlobType) {
            return blobOperands(l, r, node);
        }
        if (isStringConstant(l) && !(r.type() instanceof VarcharType)) {
            l = literalAs((Constant) l, r.type(), "operator " + symbol, node);
        }
        else if (isStringConstant(r) && !(l.type() instanceof VarcharType)) {
            r = literalAs((Constant) r, l.type(), "operator " + symbol, node);
        }
        DataType lt = l.type();
        DataType rt = r.type();
        if (comparable(lt, rt)) {
            return List.of(l, r);
        }
        if (lt.isNumeric() && rt.isNumeric()) {
            if (r instanceof Constant constant && !(l instanceof Constant)) {
                Optional<Object> exact = ConstantCaster.castExactly(constant.value(), rt, lt);
                if (exact.isPresent()) {
                    return List.of(l, new Constant(exact.get(), lt));
                }
            }
            if (l instanceof Constant constant && !(r instanceof Constant)) {
                Optional<Object> exact = ConstantCaster.castExactly(constant.value(), lt, rt);
                if (exact.isPresent()) {
                    return List.of(new Constant(exact.get(), rt), r);
                }
            }
            if (lt instanceof DecimalType && rt.isIntegral()) {
                return List.of(l, TypeCoercion.coerce(r, TypeCoercion.decimalTypeOf(r)));
            }
            if (lt.isIntegral() && rt instanceof DecimalType) {
                return List.of(TypeCoercion.coerce(l, TypeCoercion.decimalTypeOf(l)), r);
            }
            DataType common = TypeCoercion.commonSuperType(lt, rt).orElseThrow();
            return List.of(TypeCoercion.coerce(l, common), TypeCoercion.coerce(r, common));
        }
        if (TypeCoercion.isDateTime(lt) && TypeCoercion.isDateTime(rt)) {
            return List.of(TypeCoercion.coerce(l, DataTypes.TIMESTAMP), TypeCoercion.coerce(r, DataTypes.TIMESTAMP));
        }
        throw mismatch(symbol, lt, rt, node);
    }

    /**
     * A BLOB compared with another (non-NULL) type. DuckDB: text converts to BLOB, anything else is 42883. SQLite
     * mode follows SQLite's storage classes (NULL &lt; numbers &lt; text &lt; BLOB): the BLOB becomes {@code x'02' || b}
     * and the other operand {@code x'01'} (NULL stays NULL), so every comparison operator, IN and join gives SQLite's
     * answer with its NULL semantics.
     */
    private List<RowExpression> blobOperands(RowExpression left, RowExpression right, Node node)
    {
        if (sqliteCompatibility) {
            return List.of(storageClassKey(left), storageClassKey(right));
        }
        if (left.type() instanceof VarcharType) {
            return List.of(textAsBlob(left), right);
        }
        if (right.type() instanceof VarcharType) {
            return List.of(left, textAsBlob(right));
        }
        throw SemanticErrors.error(ErrorCode.UNDEFINED_FUNCTION,
                "cannot compare " + left.type().sqlName() + " and " + right.type().sqlName(), node);
    }

    private static RowExpression textAsBlob(RowExpression text)
    {
        if (text instanceof Constant constant) {
            try {
                return new Constant(ConstantCaster.cast(constant.value(), constant.type(), DataTypes.BLOB), DataTypes.BLOB);
            }
            catch (BasaltException | NotFoldableException e) {
                // bad text: execution raises 22P02 if (and only if) the comparison is evaluated
            }
        }
        return new Cast(text, DataTypes.BLOB, false);
    }

    private static RowExpression storageClassKey(RowExpression expression)
    {
        if (expression.type() instanceof BlobType) {
            return new Call(Function.CONCAT, List.of(new Constant(BLOB_CLASS.clone(), DataTypes.BLOB), expression), DataTypes.BLOB);
        }
        if (expression instanceof Constant constant) {
            return new Constant(constant.isNull() ? null : LOWER_CLASS.clone(), DataTypes.BLOB);
        }
        RowExpression isNull = new Call(Function.IS_NULL, List.of(expression), BooleanType.BOOLEAN);
        return new CaseExpression(List.of(new CaseExpression.WhenClause(isNull, new Constant(null, DataTypes.BLOB))),
                new Constant(LOWER_CLASS.clone(), DataTypes.BLOB), DataTypes.BLOB);
    }

    /** Whether comparing these types needs {@link #blobOperands} (a BLOB with another non-NULL type). */
    static boolean mixesBlob(DataType left, DataType right)
    {
        return (left instanceof BlobType) != (right instanceof BlobType) && !(left instanceof NullType) && !(right instanceof NullType);
    }

    /** Types the Function contract lets a comparison take as they are. */
    private static boolean comparable(DataType left, DataType right)
    {
        return left.equals(right)
                || (left instanceof VarcharType && right instanceof VarcharType)
                || (left instanceof DecimalType && right instanceof DecimalType);
    }

    // ---------------------------------------------------------------- unification (CASE, COALESCE, IN, VALUES)

    /**
     * The one type a list of expressions is converted to: the common type of the non-constant operands, widened
     * for numeric constants that do not fit it exactly; string constants adopt it. 42804 when there is none.
     */
    DataType unify(List<RowExpression> expressions, String context, Node node)
    {
        DataType type = DataTypes.NULL;
        for (RowExpression expression : expressions) {
            if (isFlexibleConstant(expression)) {
                continue;
            }
            type = common(type, expression.type(), context, node);
        }
        if (type instanceof NullType) {
            type = constantsType(expressions);
        }
        for (RowExpression expression : expressions) {
            if (isFlexibleConstant(expression) && expression.type().isNumeric()) {
                Constant constant = (Constant) expression;
                if (type.isNumeric()) {
                    if (ConstantCaster.castExactly(constant.value(), constant.type(), type).isEmpty()) {
                        type = type instanceof DecimalType decimal && constant.type().isIntegral()
                                ? TypeCoercion.commonDecimal(decimal, TypeCoercion.decimalTypeOf(constant))
                                : common(type, constant.type(), context, node);
                    }
                }
                else {
                    throw mismatchTypes(context, type, constant.type(), node);
                }
            }
        }
        for (RowExpression expression : expressions) {
            if (isStringConstant(expression)) {
                if (type instanceof NullType) {
                    type = DataTypes.VARCHAR;
                }
                else if (!(type instanceof VarcharType)) {
                    literalAs((Constant) expression, type, context, node);
                }
            }
        }
        return type;
    }

    /** The type of numeric constants alone: integers as wide as needed, decimals just wide enough for every value. */
    private static DataType constantsType(List<RowExpression> expressions)
    {
        DataType type = DataTypes.NULL;
        boolean decimal = false;
        for (RowExpression expression : expressions) {
            if (isFlexibleConstant(expression) && expression.type().isNumeric()) {
                type = TypeCoercion.commonSuperType(type, expression.type()).orElseThrow();
                decimal |= expression.type() instanceof DecimalType;
            }
        }
        if (decimal && type instanceof DecimalType) {
            DecimalType result = null;
            for (RowExpression expression : expressions) {
                if (isFlexibleConstant(expression) && expression.type().isNumeric()) {
                    DecimalType own = TypeCoercion.decimalTypeOf(expression);
                    result = result == null ? own : TypeCoercion.commonDecimal(result, own);
                }
            }
            return result;
        }
        return type;
    }

    /** Every expression converted to {@code type} (string constants adopt it without a length check). */
    List<RowExpression> coerceAll(List<RowExpression> expressions, DataType type, String context, Node node)
    {
        List<RowExpression> result = new ArrayList<>(expressions.size());
        for (RowExpression expression : expressions) {
            result.add(coerceTo(expression, type, context, node));
        }
        return result;
    }

    RowExpression coerceTo(RowExpression expression, DataType type, String context, Node node)
    {
        if (isStringConstant(expression)) {
            if (type instanceof VarcharType) {
                return new Constant(((Constant) expression).value(), type);
            }
            return literalAs((Constant) expression, type, context, node);
        }
        return TypeCoercion.coerce(expression, type);
    }

    private DataType common(DataType left, DataType right, String context, Node node)
    {
        return TypeCoercion.commonSuperType(left, right).orElseThrow(() -> mismatchTypes(context, left, right, node));
    }

    // ---------------------------------------------------------------- helpers

    /** A BOOLEAN condition; NULL and integers (DuckDB, SQLite: non-zero is true) are converted. */
    RowExpression toBoolean(RowExpression expression, String context, Node node)
    {
        DataType type = expression.type();
        if (type instanceof BooleanType) {
            return expression;
        }
        if (type instanceof NullType || type.isIntegral()) {
            return TypeCoercion.coerce(expression, DataTypes.BOOLEAN);
        }
        if (isStringConstant(expression)) {
            return literalAs((Constant) expression, DataTypes.BOOLEAN, context, node);
        }
        throw SemanticErrors.error(ErrorCode.DATATYPE_MISMATCH, "argument of " + context + " must be type BOOLEAN, not type " + type.sqlName(), node);
    }

    /**
     * A string constant read as a value of {@code target}. A value that does not convert becomes a run-time cast, as
     * in DuckDB: the conversion error (22P02, 22007, ...) is raised only if the expression is evaluated, so
     * {@code 'hello' IN (SELECT int_column FROM empty_table)} is FALSE.
     */
    RowExpression literalAs(Constant constant, DataType target, String context, Node node)
    {
        try {
            return new Constant(ConstantCaster.cast(constant.value(), constant.type(), target), target);
        }
        catch (BasaltException e) {
            return new Cast(constant, target, false);
        }
        catch (NotFoldableException e) {
            throw SemanticErrors.error(ErrorCode.DATATYPE_MISMATCH, "cannot use VARCHAR '" + constant.value() + "' as " + target.sqlName()
                    + " in " + context, node);
        }
    }

    /** A cast to {@code type} that must exist (explicit CAST, INSERT assignment). */
    static RowExpression cast(RowExpression expression, DataType type, boolean tryCast, Node node)
    {
        if (!TypeCoercion.canCast(expression.type(), type)) {
            boolean blob = expression.type() instanceof BlobType || type instanceof BlobType;
            throw SemanticErrors.error(blob ? ErrorCode.CANNOT_COERCE : ErrorCode.DATATYPE_MISMATCH, "cannot cast type " + expression.type().sqlName() + " to " + type.sqlName(), node);
        }
        if (expression.type().equals(type)) {
            return expression;
        }
        if (expression instanceof Constant constant) {
            try {
                return new Constant(ConstantCaster.cast(constant.value(), constant.type(), type), type);
            }
            catch (BasaltException | NotFoldableException e) {
                // the error (or the NULL of TRY_CAST) is execution's to produce
                return new Cast(expression, type, tryCast);
            }
        }
        return new Cast(expression, type, tryCast);
    }

    static boolean isStringConstant(RowExpression expression)
    {
        return expression instanceof Constant constant && constant.value() != null && constant.type() instanceof VarcharType;
    }

    private static boolean isFlexibleConstant(RowExpression expression)
    {
        return expression instanceof Constant constant && constant.value() != null
                && (constant.type() instanceof VarcharType || constant.type().isNumeric());
    }

    static BasaltException mismatch(String operator, DataType left, DataType right, Node node)
    {
        return SemanticErrors.error(ErrorCode.DATATYPE_MISMATCH,
                "operator does not exist: " + left.sqlName() + " " + operator + " " + right.sqlName(), node);
    }

    private static BasaltException mismatchTypes(String context, DataType left, DataType right, Node node)
    {
        return SemanticErrors.error(ErrorCode.DATATYPE_MISMATCH, context + " types " + left.sqlName() + " and " + right.sqlName() + " cannot be matched", node);
    }
}
