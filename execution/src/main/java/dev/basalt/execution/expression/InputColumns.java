package dev.basalt.execution.expression;

import dev.basalt.planner.expression.Call;
import dev.basalt.planner.expression.CaseExpression;
import dev.basalt.planner.expression.Cast;
import dev.basalt.planner.expression.Constant;
import dev.basalt.planner.expression.InListExpression;
import dev.basalt.planner.expression.InputReference;
import dev.basalt.planner.expression.LikeExpression;
import dev.basalt.planner.expression.RowExpression;

import java.util.Arrays;
import java.util.List;

/** Which input columns expressions read: lets a producer skip materializing columns its consumer ignores. */
public final class InputColumns
{
    private InputColumns() {}

    /** used[i] = some expression reads input column i. An expression form not known here counts as reading all. */
    public static boolean[] referenced(List<RowExpression> expressions, int columnCount)
    {
        boolean[] used = new boolean[columnCount];
        for (RowExpression expression : expressions) {
            if (!collect(expression, used)) {
                Arrays.fill(used, true);
                return used;
            }
        }
        return used;
    }

    /** False when the expression has a form this does not know (the caller then assumes every column is read). */
    private static boolean collect(RowExpression expression, boolean[] used)
    {
        if (expression instanceof InputReference reference) {
            if (reference.index() < 0 || reference.index() >= used.length) {
                return false;
            }
            used[reference.index()] = true;
            return true;
        }
        if (expression instanceof Constant) {
            return true;
        }
        if (expression instanceof Call call) {
            return collectAll(call.arguments(), used);
        }
        if (expression instanceof Cast cast) {
            return collect(cast.input(), used);
        }
        if (expression instanceof CaseExpression caseExpression) {
            for (CaseExpression.WhenClause clause : caseExpression.whenClauses()) {
                if (!collect(clause.condition(), used) || !collect(clause.result(), used)) {
                    return false;
                }
            }
            return collect(caseExpression.elseValue(), used);
        }
        if (expression instanceof InListExpression in) {
            return collect(in.value(), used) && collectAll(in.list(), used);
        }
        if (expression instanceof LikeExpression like) {
            return collect(like.value(), used) && collect(like.pattern(), used) && (like.escape().isEmpty() || collect(like.escape().get(), used));
        }
        return false;
    }

    private static boolean collectAll(List<RowExpression> expressions, boolean[] used)
    {
        for (RowExpression expression : expressions) {
            if (!collect(expression, used)) {
                return false;
            }
        }
        return true;
    }
}
