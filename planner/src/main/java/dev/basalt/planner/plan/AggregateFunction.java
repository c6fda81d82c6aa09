package dev.basalt.planner.plan;

/**
 * Aggregate functions. Result types are chosen by the binder (DuckDB-compatible): COUNT_STAR and COUNT BIGINT;
 * SUM of SMALLINT/INTEGER BIGINT, of BIGINT DECIMAL(38,0), of DECIMAL(p,s) DECIMAL(38,s), of REAL/DOUBLE DOUBLE;
 * AVG DOUBLE (over any numeric); MIN/MAX the argument type. Integer/decimal sums are exact and raise 22003 on
 * overflow of the result type. All but COUNT_STAR, FIRST and LAST ignore NULL inputs; on no non-null input they
 * return NULL (COUNT returns 0).
 *
 * <p>The statistics (STDDEV_*, VAR_*, COVAR_*, CORR, REGR_*) take DOUBLE arguments (the binder casts) and return
 * DOUBLE; two-argument ones skip rows where either argument is NULL. QUANTILE_CONT (median) and QUANTILE_DISC take
 * the fraction as their one parameter; QUANTILE_CONT returns DOUBLE for integers and the argument type for
 * REAL/DOUBLE/DECIMAL, QUANTILE_DISC and MODE the argument type (MODE's ties go to the value seen first, in the
 * call's ORDER BY if any). BOOL_AND/BOOL_OR take BOOLEAN, BIT_* an integer type (result = argument type).
 * ARG_MIN/ARG_MAX(arg, value) return arg of the row with the least/greatest value, skipping rows where either is
 * NULL (first such row on ties). ANY_VALUE is the first non-NULL value, FIRST/LAST the first/last value
 * (NULL included) in input order or the call's ORDER BY. STRING_AGG(VARCHAR) concatenates with its parameter as
 * separator.
 */
public enum AggregateFunction
{
    COUNT_STAR, COUNT, SUM, AVG, MIN, MAX,
    STDDEV_SAMP, STDDEV_POP, VAR_SAMP, VAR_POP, COVAR_SAMP, COVAR_POP, CORR, REGR_SLOPE, REGR_INTERCEPT,
    REGR_R2, REGR_AVGX, REGR_AVGY, REGR_SXX, REGR_SYY, REGR_SXY,
    QUANTILE_CONT, QUANTILE_DISC, MODE,
    BOOL_AND, BOOL_OR, BIT_AND, BIT_OR, BIT_XOR,
    ARG_MIN, ARG_MAX, ANY_VALUE, FIRST, LAST,
    STRING_AGG;

    /** True when the result depends on the order rows arrive in (the call's ORDER BY is honoured). */
    public boolean orderSensitive()
    {
        return this == FIRST || this == LAST || this == ANY_VALUE || this == STRING_AGG || this == ARG_MIN || this == ARG_MAX || this == MODE;
    }
}
