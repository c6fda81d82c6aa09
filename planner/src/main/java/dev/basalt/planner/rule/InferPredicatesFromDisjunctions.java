package dev.basalt.planner.rule;

import dev.basalt.planner.expression.Call;
import dev.basalt.planner.expression.Function;
import dev.basalt.planner.expression.RowExpression;
import dev.basalt.planner.logical.Expressions;
import dev.basalt.planner.logical.Filter;
import dev.basalt.planner.logical.Join;
import dev.basalt.planner.logical.LogicalPlan;
import dev.basalt.planner.plan.JoinType;
import dev.basalt.spi.type.BooleanType;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A disjunction over several relations of an inner join tree implies a predicate on one relation when every
 * disjunct restricts that relation: {@code (n1 = 'FRANCE' AND n2 = 'GERMANY') OR (n1 = 'GERMANY' AND n2 = 'FRANCE')}
 * implies {@code n1 = 'FRANCE' OR n1 = 'GERMANY'} (and the same for n2). The implied predicates are added next to
 * the disjunction (which stays: it is still needed), so that predicate pushdown can filter each relation before
 * the join instead of joining everything and filtering pairs (TPC-H Q7's nation pair, Q19's lineitem and part).
 * Runs in its own phase before pushdown: adding a predicate that is already a conjunct changes nothing, so the
 * phase reaches a fixed point.
 */
public final class InferPredicatesFromDisjunctions extends NodeRule
{
    @Override
    protected LogicalPlan rewrite(LogicalPlan node, RuleContext context)
    {
        if (node instanceof Filter filter && filter.source() instanceof Join join && join.type() == JoinType.INNER) {
            return infer(filter.predicate(), join).map(predicate -> new Filter(filter.source(), predicate)).orElse(null);
        }
        if (node instanceof Join join && join.type() == JoinType.INNER && join.condition().isPresent()) {
            return infer(join.condition().get(), join).map(condition -> (LogicalPlan) join.withCondition(Optional.of(condition))).orElse(null);
        }
        return null;
    }

    /** The predicate with the implied conjuncts added, or empty when it implies nothing new. */
    private static Optional<RowExpression> infer(RowExpression predicate, Join join)
    {
        List<RowExpression> conjuncts = Expressions.conjuncts(predicate);
        List<Set<Integer>> relations = new ArrayList<>();
        collectRelations(join, relations);
        List<RowExpression> added = new ArrayList<>();
        for (RowExpression conjunct : conjuncts) {
            if (!(conjunct instanceof Call call) || call.function() != Function.OR) {
                continue;
            }
            for (Set<Integer> relation : relations) {
                RowExpression implied = implied(call, relation);
                if (implied != null && !implied.equals(conjunct) && !conjuncts.contains(implied) && !added.contains(implied)) {
                    added.add(implied);
                }
            }
        }
        if (added.isEmpty()) {
            return Optional.empty();
        }
        List<RowExpression> all = new ArrayList<>(conjuncts);
        all.addAll(added);
        return Optional.of(Expressions.and(all));
    }

    /** The symbols of each relation (non-inner-join input) of the inner join tree. */
    private static void collectRelations(LogicalPlan plan, List<Set<Integer>> relations)
    {
        if (plan instanceof Join join && join.type() == JoinType.INNER) {
            collectRelations(join.left(), relations);
            collectRelations(join.right(), relations);
        }
        else {
            relations.add(Expressions.ids(plan.outputs()));
        }
    }

    /** OR over the disjuncts of their conjuncts on {@code relation} only; null when some disjunct has none. */
    private static RowExpression implied(Call disjunction, Set<Integer> relation)
    {
        Set<RowExpression> parts = new LinkedHashSet<>();
        boolean everyConjunctLocal = true;
        for (RowExpression disjunct : Expressions.disjuncts(disjunction)) {
            List<RowExpression> local = new ArrayList<>();
            List<RowExpression> conjuncts = Expressions.conjuncts(disjunct);
            for (RowExpression conjunct : conjuncts) {
                Set<Integer> ids = Expressions.symbolIds(conjunct);
                if (!ids.isEmpty() && relation.containsAll(ids)) {
                    local.add(conjunct);
                }
            }
            if (local.isEmpty()) {
                return null;
            }
            everyConjunctLocal &= local.size() == conjuncts.size();
            parts.add(Expressions.and(local));
        }
        if (everyConjunctLocal) {
            // the disjunction is on this relation alone: pushdown moves it as it is
            return null;
        }
        if (parts.size() == 1) {
            return parts.iterator().next();
        }
        return new Call(Function.OR, List.copyOf(parts), BooleanType.BOOLEAN);
    }
}
