package dev.basalt.planner.analyzer;

import dev.basalt.planner.expression.Function;
import dev.basalt.planner.expression.RowExpression;
import dev.basalt.planner.logical.Apply;
import dev.basalt.planner.logical.Expressions;
import dev.basalt.planner.logical.LogicalPlan;
import dev.basalt.planner.logical.Symbol;
import dev.basalt.planner.plan.JoinType;

import java.util.List;



/**
 * Attaches a query block's subqueries to its plan as {@link Apply} nodes, choosing the join each becomes: an EXISTS
 * / IN / ANY that is a WHERE conjunct is a SEMI join, a NOT EXISTS conjunct an ANTI join, anything else (NOT IN, under
 * OR, in SELECT) a MARK join whose mark stands for the value. The {@code DecorrelateSubqueries} rule then turns
 * them into joins and aggregations.
 */
final class SubqueryPlanner
{
    /**
     * {@code plan} with the subqueries applied. {@code conjuncts}, when not null, are the WHERE conjuncts: the ones
     * a SEMI/ANTI join implements are removed from it.
     */
    LogicalPlan apply(LogicalPlan plan, List<Subqueries.Entry> entries, List<RowExpression> conjuncts)
    {
        LogicalPlan result = plan;
        for (Subqueries.Entry entry : entries) {
            Symbol output = entry.output();
            JoinType type = JoinType.LEFT;
            Apply.Kind kind = switch (entry.kind()) {
                case EXISTS -> Apply.Kind.EXISTS;
                case ANY -> Apply.Kind.ANY;
                case SCALAR -> Apply.Kind.SCALAR;
            };
            if (kind != Apply.Kind.SCALAR) {
                RowExpression positive = kind == Apply.Kind.EXISTS ? Subqueries.existsValue(output) : output.reference();
                type = JoinType.MARK;
                if (conjuncts != null && conjuncts.remove(positive)) {
                    type = JoinType.SEMI;
                }
                else if (conjuncts != null && kind == Apply.Kind.EXISTS && conjuncts.remove(Expressions.booleanCall(Function.NOT, positive))) {
                    type = JoinType.ANTI;
                }
            }
            result = new Apply(result, entry.query().plan(), kind, type, entry.comparison(), output, entry.node().location());
        }
        return result;
    }
}
