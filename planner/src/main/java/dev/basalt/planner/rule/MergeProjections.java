package dev.basalt.planner.rule;

import dev.basalt.planner.expression.Constant;
import dev.basalt.planner.expression.InputReference;
import dev.basalt.planner.expression.RowExpression;
import dev.basalt.planner.logical.Expressions;
import dev.basalt.planner.logical.LogicalPlan;
import dev.basalt.planner.logical.Project;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code Project(Project(x))} becomes one projection by substituting the inner expressions into the outer
 * ones, unless that would compute a non-trivial inner expression more than once.
 */
public final class MergeProjections extends NodeRule
{
    @Override
    protected LogicalPlan rewrite(LogicalPlan node, RuleContext context)
    {
        if (!(node instanceof Project outer) || !(outer.source() instanceof Project inner)) {
            return null;
        }
        Map<Integer, RowExpression> mapping = new HashMap<>();
        for (int i = 0; i < inner.outputs().size(); i++) {
            mapping.put(inner.outputs().get(i).id(), inner.expressions().get(i));
        }
        Map<Integer, Integer> uses = new HashMap<>();
        for (RowExpression expression : outer.expressions()) {
            countUses(expression, uses);
        }
        for (Map.Entry<Integer, Integer> entry : uses.entrySet()) {
            RowExpression expression = mapping.get(entry.getKey());
            if (expression != null && entry.getValue() > 1 && !(expression instanceof InputReference) && !(expression instanceof Constant)) {
                return null;
            }
        }
        List<RowExpression> expressions = new ArrayList<>();
        for (RowExpression expression : outer.expressions()) {
            expressions.add(Expressions.replaceSymbols(expression, mapping));
        }
        return new Project(inner.source(), outer.outputs(), expressions);
    }

    private static void countUses(RowExpression expression, Map<Integer, Integer> uses)
    {
        if (expression instanceof InputReference reference) {
            uses.merge(reference.index(), 1, Integer::sum);
            return;
        }
        for (RowExpression child : Expressions.children(expression)) {
            countUses(child, uses);
        }
    }
}
