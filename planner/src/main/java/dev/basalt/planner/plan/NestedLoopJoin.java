package dev.basalt.planner.plan;

import dev.basalt.planner.expression.RowExpression;
import dev.basalt.spi.catalog.Column;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Joins every left row with every right row for which {@code condition} (over left ++ right columns) is TRUE;
 * no condition is a cross join. Used when there is no equality to hash on. Output as in {@link JoinType}.
 */
public record NestedLoopJoin(JoinType joinType, PhysicalPlan left, PhysicalPlan right, Optional<RowExpression> condition,
        List<Column> outputColumns, long estimatedRows)
        implements PhysicalPlan
{
    public NestedLoopJoin
    {
        requireNonNull(joinType, "joinType is null");
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
        requireNonNull(condition, "condition is null");
        outputColumns = List.copyOf(requireNonNull(outputColumns, "outputColumns is null"));
    }

    @Override
    public List<PhysicalPlan> children()
    {
        return List.of(left, right);
    }
}
