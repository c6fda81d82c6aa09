package dev.basalt.planner.rule;

import dev.basalt.planner.expression.RowExpression;
import dev.basalt.planner.logical.Aggregate;
import dev.basalt.planner.logical.Expressions;
import dev.basalt.planner.logical.Filter;
import dev.basalt.planner.logical.LogicalPlan;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * HAVING conjuncts that only read grouping keys filter the input instead (fewer rows to aggregate). Not for a
 * global aggregate, whose single output row exists even when its input is empty.
 */
public final class PushFilterThroughAggregate extends NodeRule
{
    @Override
    protected LogicalPlan rewrite(LogicalPlan node, RuleContext context)
    {
        if (!(node instanceof Filter filter) || !(filter.source() instanceof Aggregate aggregate) || aggregate.groupingKeys().isEmpty()) {
            return null;
        }
        Set<Integer> keys = Expressions.ids(aggregate.groupingKeys());
        List<RowExpression> pushed = new ArrayList<>();
        List<RowExpression> kept = new ArrayList<>();
        for (RowExpression conjunct : Expressions.conjuncts(filter.predicate())) {
            (Expressions.referencesOnly(conjunct, keys) ? pushed : kept).add(conjunct);
        }
        if (pushed.isEmpty()) {
            return null;
        }
        LogicalPlan result = new Aggregate(new Filter(aggregate.source(), Expressions.and(pushed)), aggregate.groupingKeys(), aggregate.aggregations());
        return kept.isEmpty() ? result : new Filter(result, Expressions.and(kept));
    }
}
