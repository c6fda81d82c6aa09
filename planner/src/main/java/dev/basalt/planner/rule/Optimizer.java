package dev.basalt.planner.rule;

import dev.basalt.planner.PlannerSettings;
import dev.basalt.planner.logical.LogicalPlan;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Runs rule phases in order; each phase applies its rules round-robin until a full round changes nothing (a
 * fixed point) or an iteration cap is hit (a safety net against rules that undo each other).
 */
public final class Optimizer
{
    private static final int MAX_ROUNDS = 100;

    /** A group of rules run to a fixed point together. */
    public record Phase(String name, List<Rule> rules)
    {
        public Phase
        {
            requireNonNull(name, "name is null");
            rules = List.copyOf(requireNonNull(rules, "rules is null"));
        }
    }

    private final List<Phase> phases;
    private final PlannerSettings settings;

    public Optimizer(List<Phase> phases, PlannerSettings settings)
    {
        this.phases = List.copyOf(requireNonNull(phases, "phases is null"));
        this.settings = requireNonNull(settings, "settings is null");
    }

    /** The standard phases: simplify and push predicates down, order joins, prune columns, then physical hints. */
    public static List<Phase> defaultPhases()
    {
        List<Rule> simplify = List.of(
                new ConstantFolding(),
                new RemoveTrivialFilters(),
                new PropagateEmptyRelations(),
                new MergeFilters(),
                new PushFilterThroughProject(),
                new PushFilterThroughSort(),
                new PushFilterThroughAggregate(),
                new PushFilterIntoJoin(),
                new PushJoinConditionIntoInputs(),
                new MergeProjections(),
                new RemoveIdentityProjections());
        return List.of(
                new Phase("decorrelate", List.of(new DecorrelateSubqueries())),
                new Phase("infer predicates", List.of(new InferPredicatesFromDisjunctions())),
                new Phase("simplify", simplify),
                new Phase("join order", List.of(new PushSemiJoinBelowInnerJoin(), new ReorderJoins())),
                new Phase("semi-join reduction", List.of(new ReduceAggregateInputBySemiJoin())),
                new Phase("prune", List.of(new PruneColumns(), new MergeProjections(), new RemoveIdentityProjections())),
                new Phase("physical hints", List.of(new ExtractScanPredicates(), new SortLimitToTopN(), new ExtractCommonSubexpressions())));
    }

    /** Every rule name, for settings validation and documentation. */
    public static List<String> ruleNames()
    {
        List<String> names = new ArrayList<>();
        for (Phase phase : defaultPhases()) {
            for (Rule rule : phase.rules()) {
                if (!names.contains(rule.name())) {
                    names.add(rule.name());
                }
            }
        }
        return names;
    }

    public LogicalPlan optimize(LogicalPlan plan, RuleContext context)
    {
        LogicalPlan current = plan;
        for (Phase phase : phases) {
            current = runToFixedPoint(phase, current, context);
        }
        return current;
    }

    private LogicalPlan runToFixedPoint(Phase phase, LogicalPlan plan, RuleContext context)
    {
        LogicalPlan current = plan;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            boolean changed = false;
            for (Rule rule : phase.rules()) {
                if (!settings.isRuleEnabled(rule.name())) {
                    continue;
                }
                LogicalPlan next = rule.apply(current, context);
                if (next != current && !next.equals(current)) {
                    changed = true;
                }
                current = next;
            }
            if (!changed) {
                return current;
            }
        }
        return current;
    }
}
