package dev.basalt.planner.rule;

import dev.basalt.planner.expression.RowExpression;
import dev.basalt.planner.logical.Expressions;
import dev.basalt.planner.logical.Filter;
import dev.basalt.planner.logical.LogicalPlan;
import dev.basalt.planner.logical.Project;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code Filter(Project(x))} becomes {@code Project(Filter(x))}, the predicate rewritten over the projection's
 * input by substituting each projected symbol's expression (exact for deterministic expressions;
 * a predicate on a non-deterministic one such as random() stays above the projection).
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
        Set<Integer> nondeterministic = new HashSet<>();
        for (int i = 0; i < project.outputs().size(); i++) {
            RowExpression expression = project.expressions().get(i);
            mapping.put(project.outputs().get(i).id(), expression);
            if (!Expressions.isDeterministic(expression)) {
                nondeterministic.add(project.outputs().get(i).id());
            }
        }
        // a conjunct on random()'s output must see the very value the projection outputs: it stays above
        List<RowExpression> pushed = new ArrayList<>();
        List<RowExpression> kept = new ArrayList<>();
        for (RowExpression conjunct : Expressions.conjuncts(filter.predicate())) {
            if (Collections.disjoint(Expressions.symbolIds(conjunct), nondeterministic)) {
                pushed.add(Expressions.replaceSymbols(conjunct, mapping));
            }
            else {
                kept.add(conjunct);
            }
        }
        if (pushed.isEmpty()) {
            return null;
        }
        Project below = new Project(new Filter(project.source(), Expressions.and(pushed)), project.outputs(), project.expressions());
        return kept.isEmpty() ? below : new Filter(below, Expressions.and(kept));
    }
}
