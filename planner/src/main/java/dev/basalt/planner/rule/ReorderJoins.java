package dev.basalt.planner.rule;

import dev.basalt.planner.expression.Call;
import dev.basalt.planner.expression.Function;
import dev.basalt.planner.expression.InputReference;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Join ordering over each tree of inner joins (3 relations or more). Up to {@link #MAX_DP_RELATIONS} relations,
 * dynamic programming over relation subsets finds the cheapest bushy tree without cross products; column
 * equalities are closed transitively first (a = b AND b = c lets a join c directly, so a filtered dimension can
 * reduce a fact table through another one). Larger or disconnected join graphs fall back to a greedy search: from
 * a start relation, repeatedly join the connected relation that gives the smallest estimated result (a cross product
 * only when no connected one is left), every relation tried as the start (smallest first). Physical planning then
 * hashes the smaller input of each join. Deterministic (ties broken by size and symbol ids), so applying it twice
 * changes nothing.
 */
public final class ReorderJoins implements Rule
{
    private static final int MAX_STARTS = 10;
    /** Up to this many relations the join order is searched exhaustively (3^n splits), beyond it greedily. */
    private static final int MAX_DP_RELATIONS = 10;
    /** Hashing a row costs about twice as much as probing with one. */
    private static final double BUILD_COST = 2;
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
        if (sorted.size() <= MAX_DP_RELATIONS) {
            LogicalPlan planned = dynamicProgramming(sorted, edges, stats);
            if (planned != null) {
                return planned;
            }
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

    /** The cheapest plan found for a set of relations: its estimated rows and the cost of computing it. */
    private record Candidate(LogicalPlan plan, double rows, double cost) {}

    /**
     * Exhaustive search over bushy trees without cross products (dynamic programming over the subsets of the
     * relations). Cost of a join: its output rows plus the rows it reads, the hashed (smaller) input weighted by
     * {@link #BUILD_COST}. Null when the join graph is not connected (the greedy search then adds cross products).
     */
    private static LogicalPlan dynamicProgramming(List<LogicalPlan> relations, List<Edge> allEdges, StatsEstimator stats)
    {
        int count = relations.size();
        Map<Integer, Integer> owners = new HashMap<>();
        for (int r = 0; r < count; r++) {
            for (Symbol symbol : relations.get(r).outputs()) {
                owners.put(symbol.id(), r);
            }
        }
        // column equalities form equivalence classes (a = b AND b = c also joins a with c); other conjuncts are edges
        List<Edge> edges = new ArrayList<>();
        Map<Integer, Integer> parents = new HashMap<>();
        Map<Integer, InputReference> references = new HashMap<>();
        for (Edge edge : allEdges) {
            if (edge.conjunct() instanceof Call call && call.function() == Function.EQUAL
                    && call.argument(0) instanceof InputReference a && call.argument(1) instanceof InputReference b
                    && a.type().equals(b.type()) && owners.containsKey(a.index()) && owners.containsKey(b.index())) {
                references.put(a.index(), a);
                references.put(b.index(), b);
                parents.put(find(parents, a.index()), find(parents, b.index()));
            }
            else {
                edges.add(edge);
            }
        }
        Map<Integer, List<Integer>> classMembers = new TreeMap<>();
        for (Integer id : new TreeSet<>(references.keySet())) {
            classMembers.computeIfAbsent(find(parents, id), root -> new ArrayList<>()).add(id);
        }
        List<List<Integer>> classes = new ArrayList<>(classMembers.values());
        int[] edgeMasks = new int[edges.size()];
        for (int e = 0; e < edges.size(); e++) {
            int mask = 0;
            for (Integer id : edges.get(e).ids()) {
                Integer owner = owners.get(id);
                // a symbol from outside these relations: the conjunct can only go on top
                mask = owner == null || mask < 0 ? -1 : mask | (1 << owner);
            }
            edgeMasks[e] = mask;
        }
        Candidate[] best = new Candidate[1 << count];
        for (int r = 0; r < count; r++) {
            List<RowExpression> local = new ArrayList<>();
            for (int e = 0; e < edges.size(); e++) {
                if (edgeMasks[e] == 1 << r) {
                    local.add(edges.get(e).conjunct());
                }
            }
            for (List<Integer> members : classes) {
                InputReference first = null;
                for (Integer id : members) {
                    if (owners.get(id) == r) {
                        if (first == null) {
                            first = references.get(id);
                        }
                        else {
                            local.add(Expressions.booleanCall(Function.EQUAL, first, references.get(id)));
                        }
                    }
                }
            }
            LogicalPlan leaf = local.isEmpty() ? relations.get(r) : new Filter(relations.get(r), Expressions.and(local));
            best[1 << r] = new Candidate(leaf, stats.rows(leaf), 0);
        }
        for (int set = 1; set < best.length; set++) {
            if (Integer.bitCount(set) < 2) {
                continue;
            }
            int lowest = Integer.lowestOneBit(set);
            // each unordered split once: the left part holds the lowest relation
            for (int left = (set - 1) & set; left > 0; left = (left - 1) & set) {
                if ((left & lowest) == 0) {
                    continue;
                }
                int right = set ^ left;
                Candidate leftBest = best[left];
                Candidate rightBest = best[right];
                if (leftBest == null || rightBest == null) {
                    continue;
                }
                List<RowExpression> conjuncts = new ArrayList<>();
                for (int e = 0; e < edges.size(); e++) {
                    int mask = edgeMasks[e];
                    if (mask > 0 && (mask & ~set) == 0 && (mask & left) != 0 && (mask & right) != 0) {
                        conjuncts.add(edges.get(e).conjunct());
                    }
                }
                // one equality per class present on both sides: each side's members are already equal among themselves.
                // The member from the largest relation represents a side: several keys from one table (a composite
                // key) let the estimator bound their distinct combinations by that table's rows
                for (List<Integer> members : classes) {
                    InputReference leftMember = null;
                    InputReference rightMember = null;
                    double leftMemberRows = -1;
                    double rightMemberRows = -1;
                    for (Integer id : members) {
                        int owner = owners.get(id);
                        double ownerRows = best[1 << owner].rows();
                        if ((1 << owner & left) != 0 && ownerRows > leftMemberRows) {
                            leftMember = references.get(id);
                            leftMemberRows = ownerRows;
                        }
                        if ((1 << owner & right) != 0 && ownerRows > rightMemberRows) {
                            rightMember = references.get(id);
                            rightMemberRows = ownerRows;
                        }
                    }
                    if (leftMember != null && rightMember != null) {
                        conjuncts.add(Expressions.booleanCall(Function.EQUAL, leftMember, rightMember));
                    }
                }
                if (conjuncts.isEmpty()) {
                    continue;
                }
                // the larger input on the left (probe side), as physical planning hashes the smaller one
                boolean leftLarger = leftBest.rows() >= rightBest.rows();
                Candidate probe = leftLarger ? leftBest : rightBest;
                Candidate build = leftLarger ? rightBest : leftBest;
                Join join = Join.inner(probe.plan(), build.plan(), Expressions.andOptional(conjuncts));
                double rows = stats.rows(join);
                double cost = probe.cost() + build.cost() + rows + probe.rows() + BUILD_COST * build.rows();
                if (best[set] == null || cost < best[set].cost()) {
                    best[set] = new Candidate(join, rows, cost);
                }
            }
        }
        Candidate all = best[best.length - 1];
        if (all == null) {
            return null;
        }
        List<RowExpression> rest = new ArrayList<>();
        for (int e = 0; e < edges.size(); e++) {
            if (edgeMasks[e] <= 0) {
                rest.add(edges.get(e).conjunct());
            }
        }
        return rest.isEmpty() ? all.plan() : new Filter(all.plan(), Expressions.and(rest));
    }

    /** Union-find root of {@code id} (absent = its own root). */
    private static int find(Map<Integer, Integer> parents, int id)
    {
        int root = id;
        while (parents.containsKey(root) && parents.get(root) != root) {
            root = parents.get(root);
        }
        return root;
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
