package dev.basalt.planner.plan;

import dev.basalt.spi.catalog.Column;

import java.util.List;

/**
 * An immutable physical plan node: what to compute, not the run-time state (execution turns each node into
 * an operator). Columns are positional: a node's expressions refer to its source's output by index
 * (joins: probe/left columns first, then build/right columns). The simple class name is the EXPLAIN label.
 */
public sealed interface PhysicalPlan
        permits TableScan, Values, Filter, Project, HashAggregate, HashJoin, NestedLoopJoin, Sort, TopN, Limit,
        SetOperation, EnforceSingleRow, Window, RecursiveUnion, WorkTableScan, SeriesScan
{
    /** Output columns, in order; names are for display (result metadata), types are exact. */
    List<Column> outputColumns();

    List<PhysicalPlan> children();

    /** Planner's estimate of output rows (for EXPLAIN and join ordering); -1 when unknown. */
    default long estimatedRows()
    {
        return -1;
    }
}
