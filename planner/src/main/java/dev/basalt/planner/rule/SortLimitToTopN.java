package dev.basalt.planner.rule;

import dev.basalt.planner.logical.Limit;
import dev.basalt.planner.logical.LogicalPlan;
import dev.basalt.planner.logical.Sort;
import dev.basalt.planner.logical.TopN;

/** ORDER BY ... LIMIT n [OFFSET m] keeps only the first n+m rows while sorting: Limit(Sort) becomes TopN. */
public final class SortLimitToTopN extends NodeRule
{
    @Override
    protected LogicalPlan rewrite(LogicalPlan node, RuleContext context)
    {
        if (!(node instanceof Limit limit) || !(limit.source() instanceof Sort sort) || limit.count() == Long.MAX_VALUE) {
            return null;
        }
        long count = limit.count() > Long.MAX_VALUE - limit.offset() ? Long.MAX_VALUE : limit.count() + limit.offset();
        TopN topN = new TopN(sort.source(), sort.orderings(), count);
        return limit.offset() == 0 ? topN : new Limit(topN, limit.count(), limit.offset());
    }
}
