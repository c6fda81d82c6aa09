package dev.basalt.planner.plan;

/**
 * Window functions. AGGREGATE applies {@link WindowFunctionCall#aggregate()} over the frame. Arguments are input
 * column indexes (the planner projects constants into columns): NTILE(buckets); LAG/LEAD(value[, offset[, default]])
 * with offset 1 and default NULL when absent; FIRST_VALUE/LAST_VALUE(value); NTH_VALUE(value, n). Ranking functions
 * (ROW_NUMBER, RANK, DENSE_RANK, PERCENT_RANK, CUME_DIST, NTILE) and LAG/LEAD ignore the frame; FIRST_VALUE,
 * LAST_VALUE, NTH_VALUE and AGGREGATE use it. Result types: ROW_NUMBER/RANK/DENSE_RANK/NTILE BIGINT,
 * PERCENT_RANK/CUME_DIST DOUBLE, value functions the value's type, aggregates as in {@link AggregateFunction}.
 */
public enum WindowFunction
{
    ROW_NUMBER, RANK, DENSE_RANK, PERCENT_RANK, CUME_DIST, NTILE, LAG, LEAD, FIRST_VALUE, LAST_VALUE, NTH_VALUE, AGGREGATE
}
