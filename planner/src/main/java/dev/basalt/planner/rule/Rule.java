package dev.basalt.planner.rule;

import dev.basalt.planner.logical.LogicalPlan;

/**
 * One logical rewrite. {@link #apply} returns the same instance when nothing changed; the {@link Optimizer}
 * applies rules repeatedly until none changes the plan. Rules can be disabled by {@link #name()} through
 * {@link dev.basalt.planner.PlannerSettings#disabledRules()}.
 */
public interface Rule
{
    /** Stable name, e.g. {@code PushFilterIntoJoin}. */
    default String name()
    {
        return getClass().getSimpleName();
    }

    LogicalPlan apply(LogicalPlan plan, RuleContext context);
}
