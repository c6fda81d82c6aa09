package dev.basalt.planner.rule;

import dev.basalt.planner.logical.LogicalPlan;

import java.util.ArrayList;
import java.util.List;

/** A rule that rewrites single nodes, applied to every node bottom-up in one pass. */
public abstract class NodeRule implements Rule
{
    /** The replacement of {@code node} (whose sources are already rewritten), or null to keep it. */
    protected abstract LogicalPlan rewrite(LogicalPlan node, RuleContext context);

    @Override
    public final LogicalPlan apply(LogicalPlan plan, RuleContext context)
    {
        List<LogicalPlan> sources = plan.sources();
        LogicalPlan current = plan;
        if (!sources.isEmpty()) {
            List<LogicalPlan> newSources = new ArrayList<>(sources.size());
            boolean changed = false;
            for (LogicalPlan source : sources) {
                LogicalPlan newSource = apply(source, context);
                changed |= newSource != source;
                newSources.add(newSource);
            }
            if (changed) {
                current = plan.withSources(newSources);
            }
        }
        LogicalPlan rewritten = rewrite(current, context);
        return rewritten == null ? current : rewritten;
    }
}
