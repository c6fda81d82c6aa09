package dev.basalt.planner.rule;

import dev.basalt.planner.expression.RowExpression;
import dev.basalt.planner.logical.ExpressionPrinter;
import dev.basalt.planner.logical.Expressions;
import dev.basalt.planner.logical.Filter;
import dev.basalt.planner.logical.Join;
import dev.basalt.planner.logical.LogicalPlan;
import dev.basalt.planner.logical.Symbol;
import dev.basalt.planner.plan.JoinType;
import dev.basalt.planner.stats.StatsEstimator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Greedy join ordering over each tree of inner joins (3 relations or more): from a start relation, repeatedly
 * join the connected relation that gives the smallest estimated result. A relation without a join edge to the
 * ones already joined is only taken when no connected one is left, so a cross product never replaces an
 * available join. Every relation is tried as the start (smallest first) and the order with the fewest
 * intermediate rows in total wins. Builds a left-deep tree; physical planning then hashes the smaller input of
 * each join. Deterministic (ties broken by size and symbol ids), so applying it twice changes nothing.
 */
public final class ReorderJoins implements Rule
{
    private static final int MAX_STARTS = 10;
    private static final Comparator<RowExpression> CANONICAL = Comparator.comparing(expression -> ExpressionPrinter.format(expression, id -> "#" + id));

    @Override
    public LogicalPlan apply(LogicalPlan plan, RuleContext context)
    {
        if (plan instanceof Join join && join.type() == JoinType.INNER) {
            List<LogicalPlan> relations = new ArrayList<>();
            List<RowExpression> conjuncts = new ArrayList<>();
            flatten(join, relations, conjuncts);
            List<LogicalPlan> optimizedRelations = new ArrayList<>();
            for (LogicalPlan relation : relations) {
                optimizedRelations.add(apply(relation, context));
            }
            if (relations.size() < 3) {
                return rebuildSources(plan, context);
            }
            return reorder(optimizedRelations, conjuncts, context.stats());
        }
        return rebuildSources(plan, context);
    }

    private LogicalPlan rebuildSources(LogicalPlan plan, RuleContext context)
    {
        List<LogicalPlan> sources = new ArrayList<>();
        for (LogicalPlan source : plan.sources()) {
            sources.add(apply(source, context));
        }
        return plan.withSources(sources);
    }

    private static void flatten(LogicalPlan plan, List<LogicalPlan> relations, List<RowExpression> conjuncts)
    {
        if (plan instanceof Join join && join.type() == JoinType.INNER) {
            flatten(join.left(), relations, conjuncts);
            flatten(join.right(), relations, conjuncts);
            join.condition().ifPresent(condition -> conjuncts.addAll(Expressions.conjuncts(condition)));
        }
        else {
            relations.add(plan);
        }
    }

    /** A join conjunct and the symbols it reads (computed once). */
    private record Edge(RowExpression conjunct, Set<Integer> ids) {}

    private static LogicalPlan reorder(List<LogicalPlan> relations, List<RowExpression> conjuncts, StatsEstimator stats)
    {
        List<LogicalPlan> sorted = new ArrayList<>(relations);
        sorted.sort(Comparator.comparingDouble(stats::rows).thenComparingInt(ReorderJoins::tieBreaker));
        List<RowExpression> canonical = new ArrayList<>(conjuncts);
        canonical.sort(CANONICAL);
        List<Edge> edges = new ArrayList<>();
        for (RowExpression conjunct : canonical) {
            edges.add(new Edge(conjunct, Expressions.symbolIds(conjunct)));
        }
        Map<LogicalPlan, Set<Integer>> relationIds = new IdentityHashMap<>();
        for (LogicalPlan relation : sorted) {
            relationIds.put(relation, Expressions.ids(relation.outputs()));
        }
        LogicalPlan best = null;
        double bestCost = Double.MAX_VALUE;
        // trying every start is quadratic in the relations; past a handful, start from the smallest only
        List<LogicalPlan> starts = sorted.size() <= MAX_STARTS ? sorted : sorted.subList(0, 1);
        for (LogicalPlan start : starts) {
            List<LogicalPlan> remaining = new ArrayList<>(sorted);
            remaining.remove(start);
            double[] cost = new double[1];
            LogicalPlan plan = greedy(start, remaining, new ArrayList<>(edges), relationIds, stats, cost);
            if (best == null || cost[0] < bestCost) {
                best = plan;
                bestCost = cost[0];
            }
        }
        return best;
    }

    /** Joins {@code remaining} onto {@code start} greedily; adds the estimated rows of every join to {@code cost[0]}. */
    private static LogicalPlan greedy(LogicalPlan start, List<LogicalPlan> remaining, List<Edge> pending, Map<LogicalPlan, Set<Integer>> relationIds,
            StatsEstimator stats, double[] cost)
    {
        LogicalPlan current = start;
        Set<Integer> joined = new HashSet<>(relationIds.get(start));
        while (!remaining.isEmpty()) {
            List<LogicalPlan> candidates = new ArrayList<>();
            for (LogicalPlan relation : remaining) {
                if (connected(joined, relationIds.get(relation), pending)) {
                    candidates.add(relation);
                }
            }
            if (candidates.isEmpty()) {
                candidates = remaining;
            }
            LogicalPlan best = null;
            Join bestJoin = null;
            List<Edge> bestEdges = null;
            double bestRows = Double.MAX_VALUE;
            for (LogicalPlan candidate : candidates) {
                List<Edge> applicable = applicable(joined, relationIds.get(candidate), pending);
                Join join = join(current, candidate, applicable);
                double rows = stats.rows(join);
                if (best == null || rows < bestRows) {
                    best = candidate;
                    bestJoin = join;
                    bestEdges = applicable;
                    bestRows = rows;
                }
            }
            pending.removeAll(bestEdges);
            remaining.remove(best);
            joined.addAll(relationIds.get(best));
            current = bestJoin;
            cost[0] += bestRows;
        }
        if (pending.isEmpty()) {
            return current;
        }
        List<RowExpression> rest = new ArrayList<>();
        for (Edge edge : pending) {
            rest.add(edge.conjunct());
        }
        return new Filter(current, Expressions.and(rest));
    }

    private static boolean connected(Set<Integer> joined, Set<Integer> relation, List<Edge> edges)
    {
        for (Edge edge : edges) {
            boolean touchesJoined = false;
            boolean touchesRelation = false;
            boolean covered = true;
            for (Integer id : edge.ids()) {
                boolean inJoined = joined.contains(id);
                boolean inRelation = relation.contains(id);
                touchesJoined |= inJoined;
                touchesRelation |= inRelation;
                covered &= inJoined || inRelation;
            }
            if (touchesJoined && touchesRelation && covered) {
                return true;
            }
        }
        return false;
    }

    private static List<Edge> applicable(Set<Integer> joined, Set<Integer> relation, List<Edge> edges)
    {
        List<Edge> result = new ArrayList<>();
        for (Edge edge : edges) {
            boolean covered = true;
            for (Integer id : edge.ids()) {
                covered &= joined.contains(id) || relation.contains(id);
            }
            if (covered) {
                result.add(edge);
            }
        }
        return result;
    }

    private static Join join(LogicalPlan left, LogicalPlan right, List<Edge> edges)
    {
        List<RowExpression> conjuncts = new ArrayList<>();
        for (Edge edge : edges) {
            conjuncts.add(edge.conjunct());
        }
        return Join.inner(left, right, Expressions.andOptional(conjuncts));
    }

    private static int tieBreaker(LogicalPlan plan)
    {
        int min = Integer.MAX_VALUE;
        for (Symbol symbol : plan.outputs()) {
            min = Math.min(min, symbol.id());
        }
        return min;
    }
}
