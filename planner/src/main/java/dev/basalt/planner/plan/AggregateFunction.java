package dev.basalt.planner.plan;

/**
 * Aggregate functions. Result types are chosen by the binder (DuckDB-compatible): COUNT_STAR and COUNT BIGINT;
 * SUM of SMALLINT/INTEGER BIGINT, of BIGINT DECIMAL(38,0), of DECIMAL(p,s) DECIMAL(38,s), of REAL/DOUBLE DOUBLE;
 * AVG DOUBLE (over any numeric); MIN/MAX the argument type. Integer/decimal sums are exact and raise 22003 on
 * overflow of the result type. All but COUNT_STAR ignore NULL inputs; on no non-null input they return NULL
 * (COUNT returns 0).
 */
public enum AggregateFunction
{
    COUNT_STAR, COUNT, SUM, AVG, MIN, MAX
}
