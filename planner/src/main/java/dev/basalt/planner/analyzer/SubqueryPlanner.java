package dev.basalt.planner.analyzer;

import dev.basalt.planner.expression.Function;
import dev.basalt.planner.expression.RowExpression;
import dev.basalt.planner.logical.Apply;
import dev.basalt.planner.logical.Expressions;
import dev.basalt.planner.logical.Filter;
import dev.basalt.planner.logical.Join;
import dev.basalt.planner.logical.Project;
import dev.basalt.planner.logical.LogicalPlan;
import dev.basalt.planner.logical.Symbol;
import dev.basalt.planner.plan.JoinType;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;



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
    /** Whether the subqueries read any of {@code symbols} (are correlated with them). */
    static boolean reads(List<Subqueries.Entry> entries, Set<Integer> symbols)
    {
        for (Subqueries.Entry entry : entries) {
            if (entry.comparison().isPresent() && reads(entry.comparison().get(), symbols) || reads(entry.query().plan(), symbols)) {
                return true;
            }
        }
        return false;
    }

    private static boolean reads(LogicalPlan plan, Set<Integer> symbols)
    {
        List<RowExpression> expressions = new ArrayList<>();
        if (plan instanceof Filter filter) {
            expressions.add(filter.predicate());
        }
        else if (plan instanceof Project project) {
            expressions.addAll(project.expressions());
        }
        else if (plan instanceof Join join) {
            join.condition().ifPresent(expressions::add);
        }
        else if (plan instanceof Apply apply) {
            apply.comparison().ifPresent(expressions::add);
        }
        for (RowExpression expression : expressions) {
            if (reads(expression, symbols)) {
                return true;
            }
        }
        for (LogicalPlan source : plan.sources()) {
            if (reads(source, symbols)) {
                return true;
            }
        }
        return false;
    }

    private static boolean reads(RowExpression expression, Set<Integer> symbols)
    {
        for (Integer id : Expressions.symbolIds(expression)) {
            if (symbols.contains(id)) {
                return true;
            }
        }
        return false;
    }

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
