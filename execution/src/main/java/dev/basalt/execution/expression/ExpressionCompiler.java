package dev.basalt.execution.expression;

import dev.basalt.execution.kernels.CompareOp;
import dev.basalt.planner.expression.Call;
import dev.basalt.planner.expression.CaseExpression;
import dev.basalt.planner.expression.Cast;
import dev.basalt.planner.expression.Constant;
import dev.basalt.planner.expression.Function;
import dev.basalt.planner.expression.InListExpression;
import dev.basalt.planner.expression.InputReference;
import dev.basalt.planner.expression.LikeExpression;
import dev.basalt.planner.expression.RowExpression;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.BooleanType;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.spi.type.IntervalType;
import dev.basalt.spi.type.NullType;
import dev.basalt.spi.type.VarcharType;
import dev.basalt.spi.value.Values;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Compiles bound {@link RowExpression}s into {@link Evaluator} trees, once per operator. Along the way it folds
 * input-free subexpressions into constants (unless evaluating them fails: then the error surfaces only if a row
 * reaches it), turns strict functions of a NULL constant into NULL, simplifies AND/OR/CASE with constant operands,
 * and fuses {@code x >= a AND x < b} on one column into a single range kernel.
 */
public final class ExpressionCompiler
{
    private static final ColumnBatch SINGLE_ROW = ColumnBatch.of(List.of(), 1);

    private final BufferAllocator allocator;

    public ExpressionCompiler(BufferAllocator allocator)
    {
        this.allocator = requireNonNull(allocator, "allocator is null");
    }

    public Evaluator compile(RowExpression expression)
    {
        Evaluator evaluator = switch (expression) {
            case InputReference reference -> new ColumnReference(reference.index(), reference.type(), allocator);
            case Constant constant -> constant(constant.value(), constant.type());
            case Call call -> compileCall(call);
            case Cast cast -> compileCast(cast);
            case CaseExpression caseExpression -> compileCase(caseExpression);
            case InListExpression in -> compileIn(in);
            case LikeExpression like -> compileLike(like);
        };
        if (!(evaluator instanceof ConstantEvaluator) && isInputFree(expression)) {
            return fold(evaluator);
        }
        return evaluator;
    }

    public List<Evaluator> compile(List<RowExpression> expressions)
    {
        List<Evaluator> evaluators = new ArrayList<>(expressions.size());
        try {
            for (RowExpression expression : expressions) {
                evaluators.add(compile(expression));
            }
        }
        catch (RuntimeException e) {
            evaluators.forEach(Evaluator::close);
            throw e;
        }
        return evaluators;
    }

    private ConstantEvaluator constant(Object value, DataType type)
    {
        return new ConstantEvaluator(value, type, allocator);
    }

    static boolean isInputFree(RowExpression expression)
    {
        return switch (expression) {
            case InputReference reference -> false;
            case Constant constant -> true;
            // RANDOM and UUID give a new value per row: never folded
            case Call call -> call.function() != Function.RANDOM && call.function() != Function.UUID
                    && call.arguments().stream().allMatch(ExpressionCompiler::isInputFree);
            case Cast cast -> isInputFree(cast.input());
            case CaseExpression c -> isInputFree(c.elseValue())
                    && c.whenClauses().stream().allMatch(w -> isInputFree(w.condition()) && isInputFree(w.result()));
            case InListExpression in -> isInputFree(in.value()) && in.list().stream().allMatch(ExpressionCompiler::isInputFree);
            case LikeExpression like -> isInputFree(like.value()) && isInputFree(like.pattern()) && like.escape().map(ExpressionCompiler::isInputFree).orElse(true);
        };
    }

    /** Evaluates an input-free evaluator once; keeps it as is when that fails (the error is raised per row). */
    private Evaluator fold(Evaluator evaluator)
    {
        try {
            FieldVector vector = evaluator.evaluate(SINGLE_ROW, null, 1);
            Object value = evaluator.type() instanceof NullType ? null : Values.read(vector, evaluator.type(), 0);
            evaluator.close();
            return constant(value, evaluator.type());
        }
        catch (BasaltException e) {
            return evaluator;
        }
        catch (RuntimeException | Error e) {
            // The evaluation may have allocated result vectors: free them before the operator's allocator closes.
            evaluator.close();
            throw e;
        }
    }

    private static boolean isNullConstant(Evaluator evaluator)
    {
        return evaluator instanceof ConstantEvaluator c && c.isNull();
    }

    private static Boolean booleanConstant(Evaluator evaluator)
    {
        return evaluator instanceof ConstantEvaluator c && c.value() instanceof Boolean b ? b : null;
    }

    private List<Evaluator> compileArguments(Call call)
    {
        return compile(call.arguments());
    }

    /** For strict functions: NULL when any argument is a NULL constant. */
    private Evaluator nullIfAnyNull(List<Evaluator> arguments, DataType type)
    {
        for (Evaluator argument : arguments) {
            if (isNullConstant(argument)) {
                arguments.forEach(Evaluator::close);
                return constant(null, type);
            }
        }
        return null;
    }

    private Evaluator compileCall(Call call)
    {
        Function function = call.function();
        DataType type = call.type();
        List<Evaluator> arguments = compileArguments(call);
        try {
            return switch (function) {
                case AND, OR -> logical(function == Function.AND, arguments);
                case IS_NULL, IS_NOT_NULL -> new NullCheckEvaluator(arguments.get(0), function == Function.IS_NULL, allocator);
                case IS_DISTINCT_FROM, IS_NOT_DISTINCT_FROM -> distinctFrom(arguments.get(0), arguments.get(1), function == Function.IS_DISTINCT_FROM);
                case COALESCE -> coalesce(arguments, type);
                // NULL values are skipped; the evaluator handles a NULL separator
                case CONCAT_WS -> new TextFunctionEvaluator(function, arguments, type, allocator);
                case GREATEST, LEAST -> greatestLeast(function == Function.GREATEST, arguments, type);
                case NULLIF -> isNullConstant(arguments.get(0)) || isNullConstant(arguments.get(1))
                        ? closeOthers(arguments, isNullConstant(arguments.get(0)) ? constant(null, type) : arguments.get(0))
                        : new NullIfEvaluator(arguments.get(0), arguments.get(1), allocator);
                default -> {
                    Evaluator nullResult = nullIfAnyNull(arguments, type);
                    yield nullResult != null ? nullResult : strictCall(function, arguments, type);
                }
            };
        }
        catch (RuntimeException e) {
            arguments.forEach(Evaluator::close);
            throw e;
        }
    }

    /** GREATEST/LEAST ignore NULLs: NULL constants are dropped; NULL only when every operand is. */
    private Evaluator greatestLeast(boolean greatest, List<Evaluator> arguments, DataType type)
    {
        List<Evaluator> operands = new ArrayList<>();
        for (Evaluator argument : arguments) {
            if (isNullConstant(argument)) {
                argument.close();
            }
            else {
                operands.add(argument);
            }
        }
        if (operands.isEmpty()) {
            return constant(null, type);
        }
        if (operands.size() == 1 && operands.getFirst().type().equals(type)) {
            return operands.getFirst();
        }
        return new GreatestLeastEvaluator(greatest, operands, type, allocator);
    }

    private Evaluator closeOthers(List<Evaluator> arguments, Evaluator kept)
    {
        for (Evaluator argument : arguments) {
            if (argument != kept) {
                argument.close();
            }
        }
        return kept;
    }

    private Evaluator strictCall(Function function, List<Evaluator> arguments, DataType type)
    {
        if (type instanceof IntervalType && function != Function.NEGATE && arguments.size() == 2 && arguments.get(0).type() instanceof IntervalType) {
            IntervalArithmeticEvaluator.Operation operation = switch (function) {
                case ADD -> IntervalArithmeticEvaluator.Operation.ADD;
                case SUBTRACT -> IntervalArithmeticEvaluator.Operation.SUBTRACT;
                case MULTIPLY -> IntervalArithmeticEvaluator.Operation.MULTIPLY;
                case DIVIDE -> IntervalArithmeticEvaluator.Operation.DIVIDE;
                default -> null;
            };
            if (operation != null) {
                return new IntervalArithmeticEvaluator(operation, arguments.get(0), arguments.get(1), type, allocator);
            }
        }
        return switch (function) {
            case ADD -> arithmetic(ArithmeticOperation.ADD, arguments, type);
            case SUBTRACT -> arithmetic(ArithmeticOperation.SUBTRACT, arguments, type);
            case MULTIPLY -> arithmetic(ArithmeticOperation.MULTIPLY, arguments, type);
            case DIVIDE -> arithmetic(ArithmeticOperation.DIVIDE, arguments, type);
            case MODULO -> arithmetic(ArithmeticOperation.MODULO, arguments, type);
            case NEGATE -> new UnaryArithmeticEvaluator(arguments.get(0), true, type, allocator);
            case ABS -> new UnaryArithmeticEvaluator(arguments.get(0), false, type, allocator);
            case EQUAL -> comparison(CompareOp.EQUAL, arguments.get(0), arguments.get(1));
            case NOT_EQUAL -> comparison(CompareOp.NOT_EQUAL, arguments.get(0), arguments.get(1));
            case LESS_THAN -> comparison(CompareOp.LESS_THAN, arguments.get(0), arguments.get(1));
            case LESS_THAN_OR_EQUAL -> comparison(CompareOp.LESS_THAN_OR_EQUAL, arguments.get(0), arguments.get(1));
            case GREATER_THAN -> comparison(CompareOp.GREATER_THAN, arguments.get(0), arguments.get(1));
            case GREATER_THAN_OR_EQUAL -> comparison(CompareOp.GREATER_THAN_OR_EQUAL, arguments.get(0), arguments.get(1));
            case NOT -> new NotEvaluator(arguments.get(0), allocator);
            case CONCAT -> new ConcatEvaluator(arguments, type, allocator);
            case SUBSTRING -> new SubstringEvaluator(arguments.get(0), arguments.get(1), arguments.size() > 2 ? arguments.get(2) : null, type, allocator);
            case UPPER -> new CaseConversionEvaluator(arguments.get(0), true, type, allocator);
            case LOWER -> new CaseConversionEvaluator(arguments.get(0), false, type, allocator);
            case LENGTH -> new LengthEvaluator(arguments.get(0), type, allocator);
            case TRIM -> new TrimEvaluator(arguments.get(0), arguments.size() > 1 ? arguments.get(1) : null, true, true, type, allocator);
            case LTRIM -> new TrimEvaluator(arguments.get(0), arguments.size() > 1 ? arguments.get(1) : null, true, false, type, allocator);
            case RTRIM -> new TrimEvaluator(arguments.get(0), arguments.size() > 1 ? arguments.get(1) : null, false, true, type, allocator);
            case ROUND -> new RoundingEvaluator(RoundingEvaluator.Mode.ROUND, arguments.get(0), arguments.size() > 1 ? arguments.get(1) : null, type, allocator);
            case FLOOR -> new RoundingEvaluator(RoundingEvaluator.Mode.FLOOR, arguments.get(0), null, type, allocator);
            case CEIL -> new RoundingEvaluator(RoundingEvaluator.Mode.CEIL, arguments.get(0), null, type, allocator);
            case DATE_PART -> {
                if (!(arguments.get(0) instanceof ConstantEvaluator field) || !(field.value() instanceof String name)) {
                    throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE, "DATE_PART needs a constant field name");
                }
                Evaluator part = new DatePartEvaluator(name, arguments.get(1), type, allocator);
                field.close();
                yield part;
            }
            case DATE_ADD -> new DateArithmeticEvaluator(arguments.get(0), arguments.get(1), false, type, allocator);
            case DATE_SUBTRACT -> new DateArithmeticEvaluator(arguments.get(0), arguments.get(1), true, type, allocator);
            case DATE_DIFF -> new DateDiffEvaluator(arguments.get(0), arguments.get(1), type, allocator);
            case DATE_TRUNC -> {
                if (!(arguments.get(0) instanceof ConstantEvaluator field) || !(field.value() instanceof String name)) {
                    throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE, "DATE_TRUNC needs a constant field name");
                }
                Evaluator truncated = new DateTruncEvaluator(name, arguments.get(1), type, allocator);
                field.close();
                yield truncated;
            }
            case STRPOS, REPLACE, LPAD, RPAD, STARTS_WITH, ENDS_WITH, SPLIT_PART, REVERSE, LEFT, RIGHT, REPEAT ->
                    new StringFunctionEvaluator(function, arguments, type, allocator);
            case REGEXP_MATCHES, REGEXP_REPLACE -> new RegexpEvaluator(function == Function.REGEXP_REPLACE, arguments, type, allocator);
            case POWER, SQRT, LN, LOG10, EXP -> new MathFunctionEvaluator(function, arguments.get(0), arguments.size() > 1 ? arguments.get(1) : null, type, allocator);
            case SIGN -> new SignEvaluator(arguments.get(0), type, allocator);
            case TIMESTAMP_DIFF -> new TimestampDiffEvaluator(arguments.get(0), arguments.get(1), type, allocator);
            case STRFTIME, STRPTIME, MAKE_DATE, MAKE_TIMESTAMP, LAST_DAY, DAYNAME, MONTHNAME, AGE, TO_TIMESTAMP, EPOCH_MS, EPOCH_MS_OF,
                 DATE_DIFF_UNITS, DATE_SUB_UNITS -> new DateTimeFunctionEvaluator(function, arguments, type, allocator);
            case TRANSLATE, ASCII, CHR, MD5, SHA256, REGEXP_EXTRACT, REGEXP_FULL_MATCH, CONTAINS, BIT_LENGTH, STRLEN, UNICODE,
                 LEVENSHTEIN, HAMMING, JACCARD, FORMAT -> new TextFunctionEvaluator(function, arguments, type, allocator);
            case LOG2, TRUNC, CBRT, DEGREES, RADIANS, SIN, COS, TAN, COT, ASIN, ACOS, ATAN, ATAN2, ISNAN, ISINF, ISFINITE, EVEN,
                 GCD, LCM, BIT_COUNT, FACTORIAL -> new NumericFunctionEvaluator(function, arguments, type, allocator);
            case RANDOM, UUID -> new RandomEvaluator(function, type, allocator);
            case OCTET_LENGTH, HEX, UNHEX, ENCODE, DECODE -> new BlobFunctionEvaluator(function, arguments, type, allocator);
            case CONCAT_WS -> throw new IllegalStateException("not strict: " + function);
            case GREATEST, LEAST -> throw new IllegalStateException("not strict: " + function);
            case AND, OR, IS_NULL, IS_NOT_NULL, IS_DISTINCT_FROM, IS_NOT_DISTINCT_FROM, COALESCE, NULLIF ->
                    throw new IllegalStateException("not strict: " + function);
        };
    }

    private Evaluator arithmetic(ArithmeticOperation operation, List<Evaluator> arguments, DataType type)
    {
        Evaluator left = arguments.get(0);
        Evaluator right = arguments.get(1);
        if (type instanceof DecimalType decimal) {
            if (!(left.type() instanceof DecimalType) || !(right.type() instanceof DecimalType)) {
                throw new BasaltException(ErrorCode.DATATYPE_MISMATCH, "DECIMAL arithmetic needs DECIMAL operands, got " + left.type() + " and " + right.type());
            }
            return new DecimalArithmeticEvaluator(operation, left, right, decimal, allocator);
        }
        if (!type.isNumeric()) {
            throw Errors.unsupported("arithmetic " + operation + " on " + left.type() + " and " + right.type());
        }
        return new ArithmeticEvaluator(operation, left, right, type, allocator);
    }

    private Evaluator comparison(CompareOp op, Evaluator left, Evaluator right)
    {
        if (right instanceof ConstantEvaluator constant && !(left instanceof ConstantEvaluator)) {
            return new ComparisonEvaluator(op, left, constant, allocator);
        }
        if (left instanceof ConstantEvaluator constant && !(right instanceof ConstantEvaluator)) {
            return new ComparisonEvaluator(op.flip(), right, constant, allocator);
        }
        return new ComparisonEvaluator(op, left, right, allocator);
    }

    private Evaluator distinctFrom(Evaluator left, Evaluator right, boolean distinct)
    {
        if (isNullConstant(left) || isNullConstant(right)) {
            Evaluator other = isNullConstant(left) ? right : left;
            (other == left ? right : left).close();
            if (isNullConstant(other)) {
                other.close();
                return constant(!distinct, BooleanType.BOOLEAN);
            }
            return new NullCheckEvaluator(other, !distinct, allocator);
        }
        return new DistinctFromEvaluator(left, right, distinct, allocator);
    }

    private Evaluator coalesce(List<Evaluator> arguments, DataType type)
    {
        List<Evaluator> kept = new ArrayList<>();
        boolean done = false;
        for (Evaluator argument : arguments) {
            if (done || isNullConstant(argument)) {
                // NULLs never win; nothing after a non-NULL constant is ever reached.
                argument.close();
                continue;
            }
            kept.add(argument);
            done = argument instanceof ConstantEvaluator;
        }
        if (kept.isEmpty()) {
            return constant(null, type);
        }
        if (kept.size() == 1) {
            return kept.get(0);
        }
        return new CoalesceEvaluator(kept, type, allocator);
    }

    private Evaluator logical(boolean and, List<Evaluator> arguments)
    {
        List<Evaluator> kept = new ArrayList<>();
        boolean sawNull = false;
        for (Evaluator argument : arguments) {
            Boolean value = booleanConstant(argument);
            if (value != null && value != and) {
                // FALSE in AND / TRUE in OR decides everything.
                arguments.forEach(Evaluator::close);
                return constant(!and, BooleanType.BOOLEAN);
            }
            if (value != null || isNullConstant(argument)) {
                sawNull |= isNullConstant(argument);
                argument.close();
                continue;
            }
            kept.add(argument);
        }
        if (sawNull) {
            kept.add(constant(null, BooleanType.BOOLEAN));
        }
        if (kept.isEmpty()) {
            return constant(and, BooleanType.BOOLEAN);
        }
        if (kept.size() == 1) {
            return kept.get(0);
        }
        if (and) {
            kept = fuseRanges(kept);
            if (kept.size() == 1) {
                return kept.get(0);
            }
        }
        return new LogicalEvaluator(and, kept, allocator);
    }

    /** Replaces {@code c >(=) a} and {@code c <(=) b} on the same long/int column by one range evaluator. */
    private List<Evaluator> fuseRanges(List<Evaluator> operands)
    {
        List<Evaluator> result = new ArrayList<>(operands);
        for (int i = 0; i < result.size(); i++) {
            Bound lower = bound(result.get(i));
            if (lower == null) {
                continue;
            }
            for (int j = i + 1; j < result.size(); j++) {
                Bound upper = bound(result.get(j));
                if (upper == null || upper.column != lower.column || upper.intKernel != lower.intKernel || upper.lower == lower.lower) {
                    continue;
                }
                Bound low = lower.lower ? lower : upper;
                Bound high = lower.lower ? upper : lower;
                Evaluator fused = new RangeEvaluator(new ColumnReference(low.column, low.type, allocator), low.intKernel, low.value, high.value, allocator);
                result.get(i).close();
                result.get(j).close();
                result.set(i, fused);
                result.remove(j);
                break;
            }
        }
        return result;
    }

    private record Bound(int column, DataType type, boolean intKernel, boolean lower, long value) {}

    private static Bound bound(Evaluator evaluator)
    {
        if (!(evaluator instanceof ComparisonEvaluator comparison) || comparison.constantComparison() == null
                || !(comparison.left() instanceof ColumnReference column)) {
            return null;
        }
        ConstantComparison constant = comparison.constantComparison();
        boolean intKernel = constant.isIntKernel();
        if (!intKernel && !constant.isLongKernel()) {
            return null;
        }
        long c = constant.longConstant();
        long min = intKernel ? Integer.MIN_VALUE : Long.MIN_VALUE;
        long max = intKernel ? Integer.MAX_VALUE : Long.MAX_VALUE;
        return switch (constant.op()) {
            case GREATER_THAN_OR_EQUAL -> new Bound(column.index(), column.type(), intKernel, true, c);
            case GREATER_THAN -> c == max ? null : new Bound(column.index(), column.type(), intKernel, true, c + 1);
            case LESS_THAN_OR_EQUAL -> new Bound(column.index(), column.type(), intKernel, false, c);
            case LESS_THAN -> c == min ? null : new Bound(column.index(), column.type(), intKernel, false, c - 1);
            case EQUAL, NOT_EQUAL -> null;
        };
    }

    private Evaluator compileCast(Cast cast)
    {
        Evaluator input = compile(cast.input());
        DataType target = cast.type();
        DataType source = input.type();
        if (source.equals(target) || source instanceof VarcharType && target instanceof VarcharType) {
            return input;
        }
        if (isNullConstant(input)) {
            input.close();
            return constant(null, target);
        }
        try {
            return new CastEvaluator(input, target, cast.tryCast(), allocator);
        }
        catch (RuntimeException e) {
            input.close();
            throw e;
        }
    }

    private Evaluator compileCase(CaseExpression expression)
    {
        List<Evaluator> conditions = new ArrayList<>();
        List<Evaluator> results = new ArrayList<>();
        Evaluator elseValue = null;
        try {
            for (CaseExpression.WhenClause clause : expression.whenClauses()) {
                Evaluator condition = compile(clause.condition());
                Boolean value = booleanConstant(condition);
                if (value == null && isNullConstant(condition) || Boolean.FALSE.equals(value)) {
                    condition.close();
                    continue;
                }
                Evaluator result = compile(clause.result());
                if (Boolean.TRUE.equals(value)) {
                    condition.close();
                    elseValue = result;
                    break;
                }
                conditions.add(condition);
                results.add(result);
            }
            if (elseValue == null) {
                elseValue = compile(expression.elseValue());
            }
        }
        catch (RuntimeException e) {
            conditions.forEach(Evaluator::close);
            results.forEach(Evaluator::close);
            if (elseValue != null) {
                elseValue.close();
            }
            throw e;
        }
        if (conditions.isEmpty()) {
            return elseValue;
        }
        results.add(elseValue);
        return new CaseEvaluator(conditions, results, expression.type(), allocator);
    }

    private Evaluator compileIn(InListExpression in)
    {
        Evaluator value = compile(in.value());
        if (isNullConstant(value)) {
            value.close();
            return constant(null, BooleanType.BOOLEAN);
        }
        List<Evaluator> list = compile(in.list());
        return new InListEvaluator(value, list, allocator);
    }

    private Evaluator compileLike(LikeExpression like)
    {
        List<Evaluator> operands = new ArrayList<>();
        operands.add(compile(like.value()));
        operands.add(compile(like.pattern()));
        if (like.escape().isPresent()) {
            operands.add(compile(like.escape().get()));
        }
        Evaluator nullResult = nullIfAnyNull(operands, BooleanType.BOOLEAN);
        if (nullResult != null) {
            return nullResult;
        }
        try {
            return new LikeEvaluator(operands.get(0), operands.get(1), operands.size() > 2 ? operands.get(2) : null, like.caseInsensitive(), allocator);
        }
        catch (RuntimeException e) {
            operands.forEach(Evaluator::close);
            throw e;
        }
    }
}
