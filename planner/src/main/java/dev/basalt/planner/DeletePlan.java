package dev.basalt.planner;

import dev.basalt.planner.plan.PhysicalPlan;

import static java.util.Objects.requireNonNull;

/**
 * A planned DELETE: {@code plan} produces one BIGINT column, the row id (for {@code TableWriter.delete}) of every row
 * of table {@code table} to delete, read from one snapshot.
 */
public record DeletePlan(String table, PhysicalPlan plan)
{
    public DeletePlan
    {
        requireNonNull(table, "table is null");
        requireNonNull(plan, "plan is null");
    }
}
