package dev.basalt.planner.logical;

import java.util.List;

/**
 * An immutable logical plan node. Columns are {@link Symbol}s, not positions: a node's expressions are
 * {@link dev.basalt.planner.expression.RowExpression}s whose {@link dev.basalt.planner.expression.InputReference}
 * index is a symbol id (any symbol produced below the node), which lets rules move predicates and reorder joins
 * without renumbering. Physical planning rewrites those references to input positions.
 *
 * <p>Joins, semi/anti/mark joins and the future Apply (correlated subquery) node share the same symbol space,
 * so correlated references are plain symbol references to the outer side.
 */
public sealed interface LogicalPlan
        permits LeafPlan, Filter, Project, Aggregate, Join, Sort, TopN, Limit, EnforceSingleRow, SetOperation, Window, RecursiveUnion, WorkTableScan, Apply, Output
{
    /** Output symbols, in order. */
    List<Symbol> outputs();

    List<LogicalPlan> sources();

    /** This node with new sources (same count, same order); returns this when nothing changed. */
    LogicalPlan withSources(List<LogicalPlan> sources);
}
