package dev.basalt.execution;

import dev.basalt.execution.operator.Operator;
import dev.basalt.execution.operator.OperatorProfile;
import dev.basalt.execution.operator.ProfilingOperator;
import dev.basalt.planner.plan.PhysicalPlan;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * EXPLAIN ANALYZE: the run-time counters of each plan node of one execution, keyed by node identity (equal
 * subtrees, e.g. both sides of a self-join, are different nodes). Only an execution given a profile wraps its
 * operators, so ordinary queries pay nothing.
 */
public final class PlanProfile
{
    private final Map<PhysicalPlan, OperatorProfile> nodes = new IdentityHashMap<>();

    /** The counters of {@code plan}, or empty when no operator of it was built (never executed). */
    public synchronized Optional<OperatorProfile> profile(PhysicalPlan plan)
    {
        return Optional.ofNullable(nodes.get(plan));
    }

    synchronized OperatorProfile counters(PhysicalPlan plan)
    {
        return nodes.computeIfAbsent(plan, node -> new OperatorProfile());
    }

    /** {@code operator} counted as (one of the operators of) {@code plan}; unchanged when {@code profile} is null. */
    static Operator wrap(PlanProfile profile, PhysicalPlan plan, Operator operator)
    {
        return profile == null ? operator : new ProfilingOperator(operator, profile.counters(plan));
    }
}
