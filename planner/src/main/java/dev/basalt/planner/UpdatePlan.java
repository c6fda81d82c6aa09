package dev.basalt.planner;

import dev.basalt.planner.plan.PhysicalPlan;

import static java.util.Objects.requireNonNull;

/**
 * A planned UPDATE: {@code plan} produces, for every row of table {@code table} to update, its row id (BIGINT,
 * column 0) followed by the row's new values, every table column in table order with the column's type (columns
 * 1..n, ready for {@code TableWriter.append} after dropping column 0).
 */
public record UpdatePlan(String table, PhysicalPlan plan)
{
    public UpdatePlan
    {
        requireNonNull(table, "table is null");
        requireNonNull(plan, "plan is null");
    }
}
