package dev.basalt.planner.analyzer;

import dev.basalt.planner.logical.LogicalPlan;

import static java.util.Objects.requireNonNull;

/** A bound FROM item: its plan and the columns it makes visible. */
record RelationPlan(LogicalPlan plan, Scope scope)
{
    RelationPlan
    {
        requireNonNull(plan, "plan is null");
        requireNonNull(scope, "scope is null");
    }
}
