package dev.basalt.planner.plan;

/**
 * One ORDER BY key over an input column. The binder resolves the SQL default (PostgreSQL/DuckDB: NULLS LAST for
 * ASC, NULLS FIRST for DESC) into {@code nullsFirst}.
 */
public record SortKey(int column, boolean ascending, boolean nullsFirst) {}
