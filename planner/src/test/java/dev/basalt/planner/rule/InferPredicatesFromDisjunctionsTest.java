package dev.basalt.planner.rule;

import dev.basalt.planner.expression.Function;
import dev.basalt.planner.expression.RowExpression;
import dev.basalt.planner.logical.Expressions;
import dev.basalt.planner.logical.Filter;
import dev.basalt.planner.logical.Join;
import dev.basalt.planner.logical.LogicalPlan;
import dev.basalt.planner.logical.Scan;
import dev.basalt.planner.logical.Symbol;
import dev.basalt.planner.testing.PlanBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.basalt.planner.testing.PlanBuilder.eq;
import static dev.basalt.planner.testing.PlanBuilder.gt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

class InferPredicatesFromDisjunctionsTest
{
    private final PlanBuilder builder = new PlanBuilder();

    private static RowExpression or(RowExpression... arguments)
    {
        return Expressions.booleanCall(Function.OR, arguments);
    }

    private static RowExpression and(RowExpression... arguments)
    {
        return Expressions.and(List.of(arguments));
    }

    @Test
    void disjunctionOverTwoRelationsImpliesOnePerRelation()
    {
        Scan t1 = builder.scan("t1", 100, "a", "b");
        Scan t2 = builder.scan("t2", 100, "x", "y");
        Symbol a = t1.outputs().get(0);
        Symbol b = t1.outputs().get(1);
        Symbol x = t2.outputs().get(0);
        Symbol y = t2.outputs().get(1);
        RowExpression disjunction = or(and(gt(a, 1), gt(x, 2), eq(b, y)), and(gt(a, 5), gt(x, 6)));
        LogicalPlan plan = new Filter(Join.inner(t1, t2, Optional.empty()), and(eq(a, x), disjunction));

        Filter inferred = assertInstanceOf(Filter.class, builder.apply(new InferPredicatesFromDisjunctions(), plan));
        // the disjunction stays; b = y reads both relations and implies nothing
        assertEquals(List.of(eq(a, x), disjunction, or(gt(a, 1), gt(a, 5)), or(gt(x, 2), gt(x, 6))), Expressions.conjuncts(inferred.predicate()));
        // a fixed point: applying it again adds nothing
        assertSame(inferred, builder.apply(new InferPredicatesFromDisjunctions(), inferred));
    }

    @Test
    void noInferenceWhenSomeDisjunctDoesNotRestrictTheRelation()
    {
        Scan t1 = builder.scan("t1", 100, "a", "b");
        Scan t2 = builder.scan("t2", 100, "x", "y");
        Symbol a = t1.outputs().get(0);
        Symbol x = t2.outputs().get(0);
        // (a > 1 AND x > 2) OR x > 6: t1 is unrestricted in the second disjunct; t2 gets x > 2 OR x > 6
        LogicalPlan plan = new Filter(Join.inner(t1, t2, Optional.of(eq(a, x))), or(and(gt(a, 1), gt(x, 2)), gt(x, 6)));
        Filter inferred = assertInstanceOf(Filter.class, builder.apply(new InferPredicatesFromDisjunctions(), plan));
        assertEquals(List.of(or(and(gt(a, 1), gt(x, 2)), gt(x, 6)), or(gt(x, 2), gt(x, 6))), Expressions.conjuncts(inferred.predicate()));

        // a disjunction on one relation only is left to pushdown as it is
        LogicalPlan single = new Filter(Join.inner(t1, t2, Optional.of(eq(a, x))), or(gt(a, 1), gt(a, 7)));
        assertSame(single, builder.apply(new InferPredicatesFromDisjunctions(), single));
    }
}
