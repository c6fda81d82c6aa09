package dev.basalt.planner.logical;

import dev.basalt.planner.expression.Call;
import dev.basalt.planner.expression.Cast;
import dev.basalt.planner.expression.InListExpression;
import dev.basalt.planner.expression.InputReference;
import dev.basalt.planner.expression.LikeExpression;
import dev.basalt.planner.expression.RowExpression;

import java.util.Set;

/**
 * Conservative null-rejection analysis: whether a predicate can only be TRUE when at least one of some symbols is
 * not NULL. A WHERE conjunct that rejects NULLs of an outer join's null-supplying side turns it into an inner join.
 */
public final class NullRejection
{
    private NullRejection() {}

    /** True if {@code predicate} is never TRUE when every symbol in {@code ids} is NULL. */
    public static boolean rejectsNulls(RowExpression predicate, Set<Integer> ids)
    {
        if (predicate instanceof Call call) {
            switch (call.function()) {
                case AND -> {
                    for (RowExpression argument : call.arguments()) {
                        if (rejectsNulls(argument, ids)) {
                            return true;
                        }
                    }
                    return false;
                }
                case OR -> {
                    for (RowExpression argument : call.arguments()) {
                        if (!rejectsNulls(argument, ids)) {
                            return false;
                        }
                    }
                    return true;
                }
                case IS_NOT_NULL, NOT -> {
                    return nullIfAllNull(call.argument(0), ids);
                }
                default -> { }
            }
        }
        return nullIfAllNull(predicate, ids);
    }

    /** True if {@code expression} is NULL whenever every symbol in {@code ids} is NULL (strict functions only). */
    public static boolean nullIfAllNull(RowExpression expression, Set<Integer> ids)
    {
        return switch (expression) {
            case InputReference reference -> ids.contains(reference.index());
            case Cast cast -> nullIfAllNull(cast.input(), ids);
            case LikeExpression like -> nullIfAllNull(like.value(), ids) || nullIfAllNull(like.pattern(), ids);
            case InListExpression in -> nullIfAllNull(in.value(), ids);
            case Call call -> switch (call.function()) {
                case ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULO, NEGATE, ABS,
                     EQUAL, NOT_EQUAL, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL,
                     NOT, CONCAT, SUBSTRING, UPPER, LOWER, LENGTH, TRIM, LTRIM, RTRIM, ROUND, FLOOR, CEIL,
                     DATE_PART, DATE_ADD, DATE_SUBTRACT, DATE_DIFF -> {
                    for (RowExpression argument : call.arguments()) {
                        if (nullIfAllNull(argument, ids)) {
                            yield true;
                        }
                    }
                    yield false;
                }
                default -> false;
            };
            default -> false;
        };
    }
}
