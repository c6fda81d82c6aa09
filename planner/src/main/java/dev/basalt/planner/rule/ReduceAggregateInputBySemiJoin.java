package dev.basalt.planner.rule;

import dev.basalt.planner.expression.Call;
import dev.basalt.planner.expression.Function;
import dev.basalt.planner.expression.InputReference;
import dev.basalt.planner.expression.RowExpression;
import dev.basalt.planner.logical.Aggregate;
import dev.basalt.planner.logical.Expressions;
import dev.basalt.planner.logical.Filter;
import dev.basalt.planner.logical.Join;
import dev.basalt.planner.logical.LogicalPlan;
import dev.basalt.planner.logical.Project;
import dev.basalt.planner.logical.Scan;
import dev.basalt.planner.logical.Symbol;
import dev.basalt.planner.logical.Values;
import dev.basalt.planner.plan.JoinType;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Semi-join reduction ("magic set") of a grouped aggregate that is joined on one of its grouping keys with a
 * small, cheap relation: {@code Join(small, Aggregate[k](input)) ON k = small.x} becomes
 * {@code Join(small, Aggregate[k](input SEMI JOIN small ON k = x))}. Groups whose key finds no partner are dropped
 * by the join anyway (NULL keys included: an equality never matches them), so only the aggregation work shrinks.
 * This is what decorrelated scalar aggregates (TPC-H Q2, Q17, Q20) need: the subquery is aggregated over the keys
 * the filtered outer relation can produce instead of over the whole table. The keys come from the filtered scan
 * (semi joins of such scans are fine) in the other side that produces the join key, found through its joins: it is
 * evaluated twice, so it must be cheap and have clearly fewer estimated rows than the aggregate has groups.
 */
public final class ReduceAggregateInputBySemiJoin extends NodeRule
{
    /** The small side must have at most this fraction of the aggregate's estimated groups. */
    private static final double MAX_RATIO = 0.5;

    @Override
    protected LogicalPlan rewrite(LogicalPlan node, RuleContext context)
    {
        if (!(node instanceof Join join) || join.condition().isEmpty()) {
            return null;
        }
        // the aggregate must be on a side whose unmatched rows the join drops
        boolean leftCandidate = join.type() == JoinType.INNER || join.type() == JoinType.RIGHT;
        boolean rightCandidate = join.type() == JoinType.INNER || join.type() == JoinType.LEFT;
        if (rightCandidate) {
            LogicalPlan reduced = reduce(join.right(), join.left(), join.condition().get(), context);
            if (reduced != null) {
                return new Join(join.type(), join.left(), reduced, join.condition(), join.mark());
            }
        }
        if (leftCandidate) {
            LogicalPlan reduced = reduce(join.left(), join.right(), join.condition().get(), context);
            if (reduced != null) {
                return new Join(join.type(), reduced, join.right(), join.condition(), join.mark());
            }
        }
        return null;
    }

    /** {@code aggregateSide} with its aggregate's input semi-joined with {@code other}, or null if not applicable. */
    private static LogicalPlan reduce(LogicalPlan aggregateSide, LogicalPlan other, RowExpression condition, RuleContext context)
    {
        Project project = aggregateSide instanceof Project p ? p : null;
        LogicalPlan below = project == null ? aggregateSide : project.source();
        if (!(below instanceof Aggregate aggregate) || aggregate.groupingKeys().isEmpty()) {
            return null;
        }
        if (alreadyReduced(aggregate.source())) {
            return null;
        }
        Set<Integer> otherIds = Expressions.ids(other.outputs());
        for (RowExpression conjunct : Expressions.conjuncts(condition)) {
            if (!(conjunct instanceof Call call) || call.function() != Function.EQUAL) {
                continue;
            }
            for (int side = 0; side < 2; side++) {
                Symbol key = groupingKey(call.argument(side), project, aggregate);
                RowExpression outerKey = call.argument(1 - side);
                Set<Integer> outerIds = Expressions.symbolIds(outerKey);
                if (key == null || outerIds.isEmpty() || !otherIds.containsAll(outerIds)) {
                    continue;
                }
                LogicalPlan producer = cheapProducer(other, outerIds);
                if (producer == null) {
                    continue;
                }
                double otherRows = context.stats().rows(producer);
                double groups = context.stats().rows(aggregate);
                if (otherRows > groups * MAX_RATIO) {
                    continue;
                }
                Symbol fresh = context.symbols().newSymbol(key.name(), outerKey.type());
                LogicalPlan keys = new Project(producer, List.of(fresh), List.of(outerKey));
                RowExpression semiCondition = Expressions.booleanCall(Function.EQUAL, key.reference(), fresh.reference());
                LogicalPlan reduced = new Aggregate(semiJoin(aggregate.source(), key, keys, semiCondition),
                        aggregate.groupingKeys(), aggregate.aggregations());
                return project == null ? reduced : project.withSources(List.of(reduced));
            }
        }
        return null;
    }

    /**
     * {@code input SEMI JOIN keys}, placed as deep as possible (through projections and inner joins, into the input
     * that produces {@code key}) so that fewer rows reach the joins above it; filters stay below it, as they are
     * cheaper than hash probes.
     */
    private static LogicalPlan semiJoin(LogicalPlan input, Symbol key, LogicalPlan keys, RowExpression condition)
    {
        switch (input) {
            case Project project when project.source().outputs().contains(key) -> {
                return project.withSources(List.of(semiJoin(project.source(), key, keys, condition)));
            }
            case Join join when join.type() == JoinType.INNER && join.left().outputs().contains(key) -> {
                return join.withSources(List.of(semiJoin(join.left(), key, keys, condition), join.right()));
            }
            case Join join when join.type() == JoinType.INNER && join.right().outputs().contains(key) -> {
                return join.withSources(List.of(join.left(), semiJoin(join.right(), key, keys, condition)));
            }
            default -> {
                return new Join(JoinType.SEMI, input, keys, Optional.of(condition), Optional.empty());
            }
        }
    }

    /** The grouping key that {@code expression} (a reference to an output of the aggregate side) passes through. */
    private static Symbol groupingKey(RowExpression expression, Project project, Aggregate aggregate)
    {
        if (!(expression instanceof InputReference reference)) {
            return null;
        }
        int id = reference.index();
        if (project != null) {
            Symbol output = null;
            for (Symbol symbol : project.outputs()) {
                if (symbol.id() == id) {
                    output = symbol;
                }
            }
            if (output == null || !(project.expressionOf(output) instanceof InputReference inner)) {
                return null;
            }
            id = inner.index();
        }
        for (Symbol key : aggregate.groupingKeys()) {
            if (key.id() == id) {
                return key;
            }
        }
        return null;
    }

    /** Whether {@link #semiJoin} already put a SEMI join into {@code input}. */
    private static boolean alreadyReduced(LogicalPlan input)
    {
        return switch (input) {
            case Project project -> alreadyReduced(project.source());
            case Filter filter -> alreadyReduced(filter.source());
            case Join join when join.type() == JoinType.SEMI -> true;
            case Join join when join.type() == JoinType.INNER -> alreadyReduced(join.left()) || alreadyReduced(join.right());
            default -> false;
        };
    }

    /**
     * The cheap part of {@code plan} that produces the symbols {@code ids}: {@code plan} itself, or found through
     * inner and semi joins, filters and projections. The joins and filters above it only drop rows, so its keys
     * are a superset of the keys {@code plan} produces, which is all a semi-join reduction needs.
     */
    private static LogicalPlan cheapProducer(LogicalPlan plan, Set<Integer> ids)
    {
        if (isCheap(plan)) {
            return plan;
        }
        for (LogicalPlan source : plan.sources()) {
            boolean passesRows = plan instanceof Filter || plan instanceof Project
                    || (plan instanceof Join join && (join.type() == JoinType.INNER || (join.type() == JoinType.SEMI && source == join.left())));
            if (passesRows && Expressions.ids(source.outputs()).containsAll(ids)) {
                return cheapProducer(source, ids);
            }
        }
        return null;
    }

    /** Worth evaluating twice: projections, filters and semi joins over scans. */
    private static boolean isCheap(LogicalPlan plan)
    {
        return switch (plan) {
            case Project project -> isCheap(project.source());
            case Filter filter -> isCheap(filter.source());
            case Join join when join.type() == JoinType.SEMI -> isCheap(join.left()) && isCheap(join.right());
            case Scan scan -> true;
            case Values values -> true;
            default -> false;
        };
    }
}
