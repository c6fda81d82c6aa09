package dev.basalt.planner.evaluate;

import dev.basalt.planner.expression.Call;
import dev.basalt.planner.expression.CaseExpression;
import dev.basalt.planner.expression.Cast;
import dev.basalt.planner.expression.Constant;
import dev.basalt.planner.expression.Function;
import dev.basalt.planner.expression.InListExpression;
import dev.basalt.planner.expression.InputReference;
import dev.basalt.planner.expression.LikeExpression;
import dev.basalt.planner.expression.RowExpression;
import dev.basalt.planner.logical.Expressions;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.type.BooleanType;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.spi.type.DateType;
import dev.basalt.spi.type.TimestampType;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Constant folding and boolean simplification of one expression, bottom-up. Only computes what cannot fail:
 * an expression that would raise an error (1/0, a bad cast) is kept for execution, which raises it only if the
 * value is really needed (e.g. not in a CASE branch that is never taken).
 */
public final class ExpressionSimplifier
{
    private ExpressionSimplifier() {}

    public static RowExpression simplify(RowExpression expression)
    {
        return Expressions.rewriteBottomUp(expression, ExpressionSimplifier::simplifyNode);
    }

    private static RowExpression simplifyNode(RowExpression expression)
    {
        return switch (expression) {
            case InputReference reference -> reference;
            case Constant constant -> constant;
            case Cast cast -> simplifyCast(cast);
            case Call call -> simplifyCall(call);
            case CaseExpression caseExpression -> simplifyCase(caseExpression);
            case InListExpression inList -> simplifyInList(inList);
            case LikeExpression like -> simplifyLike(like);
        };
    }

    private static RowExpression simplifyCast(Cast cast)
    {
        if (cast.input().type().equals(cast.type())) {
            return cast.input();
        }
        if (cast.input() instanceof Constant constant) {
            try {
                return new Constant(ConstantCaster.cast(constant.value(), constant.type(), cast.type()), cast.type());
            }
            catch (BasaltException e) {
                return cast.tryCast() ? new Constant(null, cast.type()) : cast;
            }
            catch (NotFoldableException e) {
                return cast;
            }
        }
        return cast;
    }

    private static RowExpression simplifyCall(Call call)
    {
        return switch (call.function()) {
            case AND -> simplifyAnd(call);
            case OR -> simplifyOr(call);
            case NOT -> simplifyNot(call);
            case COALESCE -> simplifyCoalesce(call);
            case IS_NULL, IS_NOT_NULL -> {
                if (call.argument(0) instanceof Constant constant) {
                    yield bool(constant.isNull() == (call.function() == Function.IS_NULL));
                }
                yield call;
            }
            case IS_DISTINCT_FROM, IS_NOT_DISTINCT_FROM -> {
                if (call.argument(0) instanceof Constant left && call.argument(1) instanceof Constant right) {
                    boolean distinct;
                    if (left.isNull() || right.isNull()) {
                        distinct = left.isNull() != right.isNull();
                    }
                    else {
                        Optional<Folded> equal = evaluateConstant(Function.EQUAL, List.of(left, right), BooleanType.BOOLEAN);
                        if (equal.isEmpty()) {
                            yield call;
                        }
                        distinct = !Boolean.TRUE.equals(equal.get().value());
                    }
                    yield bool(distinct == (call.function() == Function.IS_DISTINCT_FROM));
                }
                yield call;
            }
            case NULLIF -> {
                if (call.argument(0) instanceof Constant left && left.isNull()) {
                    yield new Constant(null, call.type());
                }
                if (call.argument(1) instanceof Constant right && right.isNull()) {
                    yield call.argument(0);
                }
                yield foldStrict(call);
            }
            case GREATEST, LEAST -> {
                // NULL operands are ignored, not propagated
                List<RowExpression> operands = new ArrayList<>();
                for (RowExpression argument : call.arguments()) {
                    if (!(argument instanceof Constant constant && constant.isNull())) {
                        operands.add(argument);
                    }
                }
                if (operands.isEmpty()) {
                    yield new Constant(null, call.type());
                }
                if (operands.size() == 1) {
                    yield operands.getFirst();
                }
                yield operands.size() == call.arguments().size() ? call : new Call(call.function(), operands, call.type());
            }
            case EQUAL, NOT_EQUAL, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL -> {
                RowExpression folded = foldStrict(call);
                yield folded instanceof Call comparison ? dateComparison(comparison) : folded;
            }
            // NULL values are skipped, not propagated; only a NULL separator makes the result NULL
            case CONCAT_WS -> call.argument(0) instanceof Constant separator && separator.isNull() ? new Constant(null, call.type()) : call;
            default -> foldStrict(call);
        };
    }

    /**
     * {@code CAST(date AS TIMESTAMP) <op> TIMESTAMP constant} compares as DATE (so zone maps and the DATE kernels
     * apply): a midnight constant maps exactly; otherwise, for a constant strictly inside day D, {@code < and <=}
     * become {@code <= D} and {@code > and >=} become {@code > D}. (In)equality with a non-midnight constant stays.
     */
    private static RowExpression dateComparison(Call call)
    {
        Function function = call.function();
        RowExpression left = call.argument(0);
        RowExpression right = call.argument(1);
        if (right instanceof Cast && left instanceof Constant) {
            function = Expressions.flipComparison(function);
            RowExpression swap = left;
            left = right;
            right = swap;
        }
        if (!(left instanceof Cast cast) || cast.tryCast() || !(cast.type() instanceof TimestampType) || !(cast.input().type() instanceof DateType)
                || !(right instanceof Constant constant) || !(constant.value() instanceof LocalDateTime timestamp)) {
            return call;
        }
        LocalDate day = timestamp.toLocalDate();
        if (!timestamp.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            function = switch (function) {
                case LESS_THAN, LESS_THAN_OR_EQUAL -> Function.LESS_THAN_OR_EQUAL;
                case GREATER_THAN, GREATER_THAN_OR_EQUAL -> Function.GREATER_THAN;
                default -> null;
            };
            if (function == null) {
                return call;
            }
        }
        return new Call(function, List.of(cast.input(), new Constant(day, DataTypes.DATE)), call.type());
    }

    /** NULL in, NULL out; all-constant arguments are computed. */
    private static RowExpression foldStrict(Call call)
    {
        boolean allConstant = true;
        for (RowExpression argument : call.arguments()) {
            if (argument instanceof Constant constant) {
                if (constant.isNull()) {
                    return new Constant(null, call.type());
                }
            }
            else {
                allConstant = false;
            }
        }
        if (!allConstant) {
            return call;
        }
        List<Constant> constants = new ArrayList<>();
        for (RowExpression argument : call.arguments()) {
            constants.add((Constant) argument);
        }
        return evaluateConstant(call.function(), constants, call.type())
                .map(folded -> (RowExpression) new Constant(folded.value(), call.type()))
                .orElse(call);
    }

    /** A computed value (null = SQL NULL). */
    private record Folded(Object value) {}

    private static Optional<Folded> evaluateConstant(Function function, List<Constant> arguments, DataType type)
    {
        List<Object> values = new ArrayList<>();
        List<DataType> types = new ArrayList<>();
        for (Constant argument : arguments) {
            values.add(argument.value());
            types.add(argument.type());
        }
        try {
            return Optional.of(new Folded(ConstantEvaluator.evaluate(function, values, types, type)));
        }
        catch (NotFoldableException | BasaltException e) {
            return Optional.empty();
        }
    }

    private static RowExpression simplifyAnd(Call call)
    {
        List<RowExpression> operands = new ArrayList<>();
        boolean sawNull = false;
        for (RowExpression operand : Expressions.conjuncts(call)) {
            if (operand instanceof Constant constant) {
                if (constant.isNull()) {
                    sawNull = true;
                    continue;
                }
                if (!(Boolean) constant.value()) {
                    return Expressions.FALSE;
                }
                continue;
            }
            if (!operands.contains(operand)) {
                operands.add(operand);
            }
        }
        if (sawNull) {
            operands.add(new Constant(null, BooleanType.BOOLEAN));
        }
        return switch (operands.size()) {
            case 0 -> Expressions.TRUE;
            case 1 -> operands.getFirst();
            default -> operands.equals(call.arguments()) ? call : new Call(Function.AND, operands, BooleanType.BOOLEAN);
        };
    }

    private static RowExpression simplifyOr(Call call)
    {
        List<RowExpression> operands = new ArrayList<>();
        boolean sawNull = false;
        for (RowExpression operand : Expressions.disjuncts(call)) {
            if (operand instanceof Constant constant) {
                if (constant.isNull()) {
                    sawNull = true;
                    continue;
                }
                if ((Boolean) constant.value()) {
                    return Expressions.TRUE;
                }
                continue;
            }
            if (!operands.contains(operand)) {
                operands.add(operand);
            }
        }
        if (sawNull) {
            operands.add(new Constant(null, BooleanType.BOOLEAN));
        }
        return switch (operands.size()) {
            case 0 -> Expressions.FALSE;
            case 1 -> operands.getFirst();
            default -> {
                RowExpression factored = factorCommonConjuncts(operands);
                if (factored != null) {
                    yield factored;
                }
                yield operands.equals(call.arguments()) ? call : new Call(Function.OR, operands, BooleanType.BOOLEAN);
            }
        };
    }

    /**
     * {@code (a AND b) OR (a AND c)} is {@code a AND (b OR c)} (also in three-valued logic): a conjunct common to
     * every branch can then be pushed down or become a join key (TPC-H Q19). Null when nothing is common.
     */
    private static RowExpression factorCommonConjuncts(List<RowExpression> disjuncts)
    {
        List<List<RowExpression>> branches = new ArrayList<>();
        for (RowExpression disjunct : disjuncts) {
            branches.add(Expressions.conjuncts(disjunct));
        }
        List<RowExpression> common = new ArrayList<>();
        for (RowExpression candidate : branches.getFirst()) {
            boolean everywhere = true;
            for (List<RowExpression> branch : branches) {
                everywhere &= branch.contains(candidate);
            }
            if (everywhere && !common.contains(candidate)) {
                common.add(candidate);
            }
        }
        if (common.isEmpty()) {
            return null;
        }
        List<RowExpression> rests = new ArrayList<>();
        for (List<RowExpression> branch : branches) {
            List<RowExpression> rest = new ArrayList<>(branch);
            rest.removeAll(common);
            if (rest.isEmpty()) {
                // a OR (a AND b) is a
                return Expressions.and(common);
            }
            rests.add(Expressions.and(rest));
        }
        List<RowExpression> result = new ArrayList<>(common);
        result.add(simplifyOr(new Call(Function.OR, rests, BooleanType.BOOLEAN)));
        return Expressions.and(result);
    }

    private static RowExpression simplifyNot(Call call)
    {
        RowExpression operand = call.argument(0);
        if (operand instanceof Constant constant) {
            return constant.isNull() ? constant : bool(!(Boolean) constant.value());
        }
        if (operand instanceof Call inner) {
            Function negated = switch (inner.function()) {
                case NOT -> null;
                case EQUAL -> Function.NOT_EQUAL;
                case NOT_EQUAL -> Function.EQUAL;
                case LESS_THAN -> Function.GREATER_THAN_OR_EQUAL;
                case LESS_THAN_OR_EQUAL -> Function.GREATER_THAN;
                case GREATER_THAN -> Function.LESS_THAN_OR_EQUAL;
                case GREATER_THAN_OR_EQUAL -> Function.LESS_THAN;
                case IS_NULL -> Function.IS_NOT_NULL;
                case IS_NOT_NULL -> Function.IS_NULL;
                case IS_DISTINCT_FROM -> Function.IS_NOT_DISTINCT_FROM;
                case IS_NOT_DISTINCT_FROM -> Function.IS_DISTINCT_FROM;
                default -> inner.function();
            };
            if (inner.function() == Function.NOT) {
                return inner.argument(0);
            }
            if (negated != inner.function()) {
                return new Call(negated, inner.arguments(), BooleanType.BOOLEAN);
            }
        }
        return call;
    }

    private static RowExpression simplifyCoalesce(Call call)
    {
        List<RowExpression> operands = new ArrayList<>();
        for (RowExpression operand : call.arguments()) {
            if (operand instanceof Constant constant) {
                if (constant.isNull()) {
                    continue;
                }
                operands.add(operand);
                // nothing after a non-null constant is ever evaluated
                break;
            }
            operands.add(operand);
        }
        if (operands.isEmpty()) {
            return new Constant(null, call.type());
        }
        if (operands.size() == 1) {
            return operands.getFirst();
        }
        return operands.equals(call.arguments()) ? call : new Call(Function.COALESCE, operands, call.type());
    }

    private static RowExpression simplifyCase(CaseExpression caseExpression)
    {
        List<CaseExpression.WhenClause> clauses = new ArrayList<>();
        for (CaseExpression.WhenClause clause : caseExpression.whenClauses()) {
            if (clause.condition() instanceof Constant constant) {
                if (constant.isNull() || !(Boolean) constant.value()) {
                    continue;
                }
                if (clauses.isEmpty()) {
                    return clause.result();
                }
                return new CaseExpression(clauses, clause.result(), caseExpression.type());
            }
            clauses.add(clause);
        }
        if (clauses.isEmpty()) {
            return caseExpression.elseValue();
        }
        return clauses.equals(caseExpression.whenClauses()) ? caseExpression : new CaseExpression(clauses, caseExpression.elseValue(), caseExpression.type());
    }

    private static RowExpression simplifyInList(InListExpression inList)
    {
        if (!(inList.value() instanceof Constant value)) {
            return inList;
        }
        if (value.isNull()) {
            return new Constant(null, BooleanType.BOOLEAN);
        }
        boolean sawNull = false;
        for (RowExpression element : inList.list()) {
            if (!(element instanceof Constant constant)) {
                return inList;
            }
            if (constant.isNull()) {
                sawNull = true;
                continue;
            }
            Optional<Folded> equal = evaluateConstant(Function.EQUAL, List.of(value, constant), BooleanType.BOOLEAN);
            if (equal.isEmpty()) {
                return inList;
            }
            if (Boolean.TRUE.equals(equal.get().value())) {
                return Expressions.TRUE;
            }
        }
        return sawNull ? new Constant(null, BooleanType.BOOLEAN) : Expressions.FALSE;
    }

    private static RowExpression simplifyLike(LikeExpression like)
    {
        List<RowExpression> operands = Expressions.children(like);
        for (RowExpression operand : operands) {
            if (operand instanceof Constant constant && constant.isNull()) {
                return new Constant(null, BooleanType.BOOLEAN);
            }
        }
        if (like.value() instanceof Constant value && like.pattern() instanceof Constant pattern
                && (like.escape().isEmpty() || like.escape().get() instanceof Constant)) {
            try {
                String escape = like.escape().map(e -> (String) ((Constant) e).value()).orElse(null);
                return bool(LikeMatcher.matches((String) value.value(), (String) pattern.value(), escape, like.caseInsensitive()));
            }
            catch (BasaltException e) {
                return like;
            }
        }
        return like;
    }

    private static Constant bool(boolean value)
    {
        return value ? Expressions.TRUE : Expressions.FALSE;
    }
}
