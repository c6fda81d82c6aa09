package dev.basalt.planner.expression;

/**
 * The built-in scalar functions and operators a {@link Call} can name. Argument contracts (the binder
 * guarantees them by inserting casts; execution may rely on them):
 * <ul>
 *   <li>Arithmetic ADD, SUBTRACT, MULTIPLY, MODULO: when the result is DECIMAL, both operands are DECIMAL of any
 *       precision/scale and execution computes exactly at the result's scale (ADD/SUBTRACT rescale the operands
 *       up; MULTIPLY's result scale is the sum of the operand scales), raising NUMERIC_VALUE_OUT_OF_RANGE (22003)
 *       when the value does not fit the result precision. Otherwise both operands have exactly the result type;
 *       integer overflow raises 22003 (never wraps). DATE/TIMESTAMP arithmetic uses the DATE_* functions below.</li>
 *   <li>DIVIDE: both operands have the result type (the binder casts, e.g. to DOUBLE or DECIMAL); integer division
 *       truncates toward zero; a zero divisor raises DIVISION_BY_ZERO (22012) for every type. For a DECIMAL result,
 *       execution rounds half away from zero to the result scale. MODULO by zero raises 22012 as well.</li>
 *   <li>NEGATE, ABS: result type = operand type; overflow raises 22003.</li>
 *   <li>Comparisons: both operands have the same type, except DECIMAL vs DECIMAL (any scales, compared by value) and
 *       VARCHAR of different lengths. NULL in, NULL out; IS_DISTINCT_FROM / IS_NOT_DISTINCT_FROM never return NULL.</li>
 *   <li>AND, OR: two or more BOOLEAN operands, three-valued logic (FALSE AND NULL = FALSE, TRUE OR NULL = TRUE).
 *       NOT, IS_NULL, IS_NOT_NULL: one operand.</li>
 *   <li>COALESCE: operands all of the result type; evaluates lazily left to right. NULLIF(a, b): same type.</li>
 *   <li>String functions on VARCHAR: CONCAT (NULL if any operand is NULL, like ||), SUBSTRING(s, start[, length])
 *       1-based with SQL semantics, UPPER, LOWER, LENGTH (characters, BIGINT), TRIM/LTRIM/RTRIM(s[, characters]).</li>
 *   <li>ROUND(x[, digits]), FLOOR, CEIL on DOUBLE or DECIMAL.</li>
 *   <li>DATE_PART(field, source): field is a canonical VARCHAR Constant (year, quarter, month, day, dow, isodow, doy,
 *       week, isoyear, yearweek, hour, minute, second, millisecond, microsecond, epoch, decade, century, millennium,
 *       era, julian); source is DATE, TIMESTAMP or INTERVAL (not the calendar-position fields); result BIGINT, DOUBLE
 *       for epoch and julian (DuckDB's types).</li>
 *   <li>DATE_ADD(d, interval), DATE_SUBTRACT(d, interval): d is DATE or TIMESTAMP; the binder types the result
 *       TIMESTAMP (DuckDB, PostgreSQL); a DATE result (whole-day intervals) is also supported. DATE + integer: DATE.
 *       Month arithmetic clamps to the month's last day (Jan 31 + 1 month = Feb 28/29). DATE_DIFF(a, b): DATE minus
 *       DATE in days (BIGINT).</li>
 *   <li>Added for the SQL issue: DATE_TRUNC(field, source): field a lower-case VARCHAR Constant (millennium, century,
 *       decade, year, quarter, month, week, day, hour, minute, second); source DATE or TIMESTAMP; the binder types the
 *       result TIMESTAMP (a DATE result is also supported). STRPOS(haystack, needle): 1-based character position, 0 when
 *       absent (BIGINT; POSITION(a IN b) binds to STRPOS(b, a)). REPLACE(s, from, to) replaces every occurrence.
 *       LPAD/RPAD(s, length[, fill=' ']) pad or truncate to length characters. STARTS_WITH/ENDS_WITH(s, x) BOOLEAN.
 *       REGEXP_MATCHES(s, pattern[, flags]) BOOLEAN, true if the Java regex matches anywhere (DuckDB semantics).
 *       REGEXP_REPLACE(s, pattern, replacement[, flags]) replaces the first match, every match with flag 'g';
 *       replacement back-references \1..\9. SPLIT_PART(s, delimiter, n) 1-based field, '' when out of range.
 *       REVERSE(s), LEFT(s, n), RIGHT(s, n), REPEAT(s, n). POWER(x, y), SQRT, LN, LOG10, EXP on DOUBLE;
 *       domain errors as PostgreSQL: ln/log of zero or a negative number 2201E; sqrt of a negative number, 0 ^ negative,
 *       negative ^ non-integer 2201F. SIGN(x): same type as x.
 *       GREATEST/LEAST(a, b, ...): all operands the result type,
 *       NULLs ignored (NULL only when all are NULL), as PostgreSQL and DuckDB. TIMESTAMP_DIFF(a, b): a - b as an
 *       INTERVAL (days and micros). Invalid regular expressions raise INVALID_REGULAR_EXPRESSION (2201B).</li>
 * </ul>
 */
public enum Function
{
    ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULO, NEGATE, ABS,
    EQUAL, NOT_EQUAL, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL,
    IS_DISTINCT_FROM, IS_NOT_DISTINCT_FROM,
    AND, OR, NOT, IS_NULL, IS_NOT_NULL,
    COALESCE, NULLIF,
    CONCAT, SUBSTRING, UPPER, LOWER, LENGTH, TRIM, LTRIM, RTRIM,
    ROUND, FLOOR, CEIL,
    DATE_PART, DATE_ADD, DATE_SUBTRACT, DATE_DIFF,
    DATE_TRUNC, STRPOS, REPLACE, LPAD, RPAD, STARTS_WITH, ENDS_WITH, REGEXP_MATCHES, REGEXP_REPLACE, SPLIT_PART,
    REVERSE, LEFT, RIGHT, REPEAT, POWER, SQRT, LN, LOG10, EXP, SIGN, GREATEST, LEAST, TIMESTAMP_DIFF,
    // The analysts' function library, DuckDB's names and semantics (strict unless noted; details in the evaluators):
    // dates/times (DateTimeFunctionEvaluator): STRFTIME(date|timestamp, format) VARCHAR, STRPTIME(varchar, format)
    // TIMESTAMP, MAKE_DATE(y, m, d), MAKE_TIMESTAMP(y, mo, d, h, mi, DOUBLE s), LAST_DAY DATE, DAYNAME/MONTHNAME
    // VARCHAR, AGE(a, b) INTERVAL as PostgreSQL, TO_TIMESTAMP(DOUBLE epoch seconds), EPOCH_MS(BIGINT) TIMESTAMP,
    // EPOCH_MS_OF(timestamp) BIGINT, DATE_DIFF_UNITS/DATE_SUB_UNITS(part constant, a, b) BIGINT (boundaries crossed /
    // whole units elapsed); operands DATE or TIMESTAMP.
    STRFTIME, STRPTIME, MAKE_DATE, MAKE_TIMESTAMP, LAST_DAY, DAYNAME, MONTHNAME, AGE, TO_TIMESTAMP, EPOCH_MS, EPOCH_MS_OF,
    DATE_DIFF_UNITS, DATE_SUB_UNITS,
    // strings (TextFunctionEvaluator), VARCHAR operands except CHR(BIGINT) and REGEXP_EXTRACT's group (BIGINT);
    // CONCAT_WS(separator, ...) is not strict: NULL only for a NULL separator, NULL values are skipped
    TRANSLATE, ASCII, CHR, MD5, SHA256, REGEXP_EXTRACT, REGEXP_FULL_MATCH, CONTAINS, CONCAT_WS, BIT_LENGTH, STRLEN, UNICODE,
    LEVENSHTEIN, HAMMING, JACCARD, FORMAT,
    // math (NumericFunctionEvaluator): DOUBLE functions, and GCD/LCM/BIT_COUNT/FACTORIAL on BIGINT; TRUNC(x[, n])
    LOG2, TRUNC, CBRT, DEGREES, RADIANS, SIN, COS, TAN, COT, ASIN, ACOS, ATAN, ATAN2, ISNAN, ISINF, ISFINITE, EVEN,
    GCD, LCM, BIT_COUNT, FACTORIAL,
    // non-deterministic (RandomEvaluator): never folded, a new value per row
    RANDOM, UUID,
    // BLOB (BlobFunctionEvaluator): OCTET_LENGTH(blob) BIGINT, HEX(blob) upper-case VARCHAR, UNHEX(varchar) BLOB
    // (22P02 for a non-hex digit), ENCODE(varchar) its UTF-8 bytes, DECODE(blob) VARCHAR (22021 unless valid UTF-8).
    // CONCAT also takes BLOB operands (result BLOB); MD5/SHA256 take a BLOB's bytes.
    OCTET_LENGTH, HEX, UNHEX, ENCODE, DECODE
}
