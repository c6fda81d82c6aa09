package dev.basalt.planner.rule;

import dev.basalt.planner.expression.RowExpression;
import dev.basalt.planner.logical.Expressions;
import dev.basalt.planner.logical.Filter;
import dev.basalt.planner.logical.LogicalPlan;
import dev.basalt.planner.logical.Project;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code Filter(Project(x))} becomes {@code Project(Filter(x))}, the predicate rewritten over the projection's
 * input by substituting each projected symbol's expression (expressions are deterministic, so this is exact).
 */
public final class PushFilterThroughProject extends NodeRule
{
    @Override
    protected LogicalPlan rewrite(LogicalPlan node, RuleContext context)
    {
        if (!(node instanceof Filter filter) || !(filter.source() instanceof Project project)) {
            return null;
        }
        Map<Integer, RowExpression> mapping = new HashMap<>();
        for (int i = 0; i < project.outputs().size(); i++) {
            mapping.put(project.outputs().get(i).id(), project.expressions().get(i));
        }
        RowExpression predicate = Expressions.replaceSymbols(filter.predicate(), mapping);
        return new Project(new Filter(project.source(), predicate), project.outputs(), project.expressions());
    }
}
