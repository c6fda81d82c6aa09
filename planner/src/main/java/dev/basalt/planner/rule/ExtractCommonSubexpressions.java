package dev.basalt.planner.rule;

import dev.basalt.planner.expression.Call;
import dev.basalt.planner.expression.CaseExpression;
import dev.basalt.planner.expression.Constant;
import dev.basalt.planner.expression.Function;
import dev.basalt.planner.expression.InputReference;
import dev.basalt.planner.expression.RowExpression;
import dev.basalt.planner.logical.Expressions;
import dev.basalt.planner.logical.LogicalPlan;
import dev.basalt.planner.logical.Project;
import dev.basalt.planner.logical.Symbol;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A subexpression computed by several outputs of one projection is computed once, by a projection below:
 * {@code x * (1 - d)} and {@code x * (1 - d) * (1 + t)} (TPC-H Q1) share {@code x * (1 - d)}. Only subexpressions
 * that are evaluated for every row anyway (at least one use outside CASE/COALESCE) move, so an expression that
 * fails (1/0) is never computed for rows where the query would not have computed it.
 */
public final class ExtractCommonSubexpressions extends NodeRule
{
    @Override
    protected LogicalPlan rewrite(LogicalPlan node, RuleContext context)
    {
        if (!(node instanceof Project project)) {
            return null;
        }
        Map<RowExpression, Integer> uses = new HashMap<>();
        Set<RowExpression> unconditional = new HashSet<>();
        for (RowExpression expression : project.expressions()) {
            count(expression, false, uses, unconditional);
        }
        // largest shared subexpressions first; their parts are then no longer repeated
        List<RowExpression> shared = new ArrayList<>();
        for (RowExpression expression : project.expressions()) {
            collectShared(expression, uses, unconditional, shared);
        }
        if (shared.isEmpty()) {
            return null;
        }
        Map<RowExpression, Symbol> extracted = new LinkedHashMap<>();
        for (RowExpression expression : shared) {
            extracted.putIfAbsent(expression, context.symbols().newSymbol("common", expression.type()));
        }
        List<RowExpression> upper = new ArrayList<>();
        Set<Integer> used = new HashSet<>();
        for (RowExpression expression : project.expressions()) {
            RowExpression rewritten = Expressions.rewrite(expression, subexpression -> {
                Symbol symbol = extracted.get(subexpression);
                return symbol == null ? null : symbol.reference();
            });
            upper.add(rewritten);
            used.addAll(Expressions.symbolIds(rewritten));
        }
        // the projection below passes on only the input columns still read above
        List<Symbol> lowerOutputs = new ArrayList<>();
        List<RowExpression> lowerExpressions = new ArrayList<>();
        for (Symbol symbol : project.source().outputs()) {
            if (used.contains(symbol.id()) && !lowerOutputs.contains(symbol)) {
                lowerOutputs.add(symbol);
                lowerExpressions.add(symbol.reference());
            }
        }
        for (Map.Entry<RowExpression, Symbol> entry : extracted.entrySet()) {
            lowerOutputs.add(entry.getValue());
            lowerExpressions.add(entry.getKey());
        }
        return new Project(new Project(project.source(), lowerOutputs, lowerExpressions), project.outputs(), upper);
    }

    private static boolean candidate(RowExpression expression)
    {
        return !(expression instanceof InputReference) && !(expression instanceof Constant) && !Expressions.symbolIds(expression).isEmpty();
    }

    private static void count(RowExpression expression, boolean conditional, Map<RowExpression, Integer> uses, Set<RowExpression> unconditional)
    {
        if (candidate(expression)) {
            uses.merge(expression, 1, Integer::sum);
            if (!conditional) {
                unconditional.add(expression);
            }
        }
        boolean lazy = expression instanceof CaseExpression || (expression instanceof Call call && call.function() == Function.COALESCE);
        List<RowExpression> children = Expressions.children(expression);
        for (int i = 0; i < children.size(); i++) {
            // the first CASE condition and the first COALESCE operand are always evaluated
            count(children.get(i), conditional || (lazy && i > 0), uses, unconditional);
        }
    }

    private static void collectShared(RowExpression expression, Map<RowExpression, Integer> uses, Set<RowExpression> unconditional, List<RowExpression> shared)
    {
        if (uses.getOrDefault(expression, 0) > 1 && unconditional.contains(expression)) {
            if (!shared.contains(expression)) {
                shared.add(expression);
            }
            return;
        }
        for (RowExpression child : Expressions.children(expression)) {
            collectShared(child, uses, unconditional, shared);
        }
    }
}
