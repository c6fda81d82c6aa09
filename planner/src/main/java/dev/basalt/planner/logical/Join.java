package dev.basalt.planner.logical;

import dev.basalt.planner.expression.RowExpression;
import dev.basalt.planner.plan.JoinType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Joins {@code left} and {@code right} on {@code condition} (over both sides' symbols; empty = cross product).
 * Outputs as in {@link JoinType}: left then right symbols (INNER/LEFT/RIGHT/FULL), left only (SEMI/ANTI), or
 * left plus {@code mark} (MARK). Equi-join keys are found in the condition by physical planning.
 */
public record Join(JoinType type, LogicalPlan left, LogicalPlan right, Optional<RowExpression> condition, Optional<Symbol> mark)
        implements LogicalPlan
{
    public Join
    {
        requireNonNull(type, "type is null");
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
        requireNonNull(condition, "condition is null");
        requireNonNull(mark, "mark is null");
        if (mark.isPresent() != (type == JoinType.MARK)) {
            throw new IllegalArgumentException("a mark symbol is required for, and only for, MARK joins");
        }
    }

    public static Join inner(LogicalPlan left, LogicalPlan right, Optional<RowExpression> condition)
    {
        return new Join(JoinType.INNER, left, right, condition, Optional.empty());
    }

    @Override
    public List<Symbol> outputs()
    {
        if (type == JoinType.RIGHT_SEMI || type == JoinType.RIGHT_ANTI) {
            return right.outputs();
        }
        List<Symbol> outputs = new ArrayList<>(left.outputs());
        switch (type) {
            case INNER, LEFT, RIGHT, FULL, SINGLE -> outputs.addAll(right.outputs());
            case SEMI, ANTI, RIGHT_SEMI, RIGHT_ANTI -> { }
            case MARK -> outputs.add(mark.orElseThrow());
        }
        return outputs;
    }

    @Override
    public List<LogicalPlan> sources()
    {
        return List.of(left, right);
    }

    @Override
    public LogicalPlan withSources(List<LogicalPlan> sources)
    {
        LogicalPlan newLeft = sources.get(0);
        LogicalPlan newRight = sources.get(1);
        return newLeft == left && newRight == right ? this : new Join(type, newLeft, newRight, condition, mark);
    }

    public Join withCondition(Optional<RowExpression> newCondition)
    {
        return new Join(type, left, right, newCondition, mark);
    }
}
