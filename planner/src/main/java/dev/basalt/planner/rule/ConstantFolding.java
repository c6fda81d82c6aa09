package dev.basalt.planner.rule;

import dev.basalt.planner.evaluate.ExpressionSimplifier;
import dev.basalt.planner.expression.RowExpression;
import dev.basalt.planner.logical.Expressions;
import dev.basalt.planner.logical.Filter;
import dev.basalt.planner.logical.Join;
import dev.basalt.planner.logical.LogicalPlan;
import dev.basalt.planner.logical.Project;
import dev.basalt.planner.logical.Values;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Computes constant subexpressions and simplifies boolean logic in every expression of the plan
 * ({@link ExpressionSimplifier}). Anything that would fail (1/0, a bad cast) is left for execution.
 */
public final class ConstantFolding extends NodeRule
{
    @Override
    protected LogicalPlan rewrite(LogicalPlan node, RuleContext context)
    {
        return switch (node) {
            case Filter filter -> {
                RowExpression predicate = ExpressionSimplifier.simplify(filter.predicate());
                yield predicate.equals(filter.predicate()) ? null : new Filter(filter.source(), predicate);
            }
            case Project project -> {
                List<RowExpression> expressions = simplifyAll(project.expressions());
                yield expressions == null ? null : new Project(project.source(), project.outputs(), expressions);
            }
            case Join join when join.condition().isPresent() -> {
                RowExpression condition = ExpressionSimplifier.simplify(join.condition().get());
                if (condition.equals(join.condition().get())) {
                    yield null;
                }
                yield join.withCondition(condition.equals(Expressions.TRUE) ? Optional.empty() : Optional.of(condition));
            }
            case Values values -> {
                List<List<RowExpression>> rows = new ArrayList<>();
                boolean changed = false;
                for (List<RowExpression> row : values.rows()) {
                    List<RowExpression> simplified = simplifyAll(row);
                    changed |= simplified != null;
                    rows.add(simplified == null ? row : simplified);
                }
                yield changed ? new Values(values.outputs(), rows) : null;
            }
            default -> null;
        };
    }

    /** The simplified expressions, or null when none changed. */
    private static List<RowExpression> simplifyAll(List<RowExpression> expressions)
    {
        List<RowExpression> result = new ArrayList<>(expressions.size());
        boolean changed = false;
        for (RowExpression expression : expressions) {
            RowExpression simplified = ExpressionSimplifier.simplify(expression);
            changed |= !simplified.equals(expression);
            result.add(simplified);
        }
        return changed ? result : null;
    }
}
