package dev.basalt.planner.plan;

/**
 * Join semantics. INNER/LEFT/RIGHT/FULL output left (probe) columns then right (build) columns, the outer side's
 * unmatched rows padded with NULLs. SEMI/ANTI output only the left columns (rows with / without a match). MARK
 * outputs the left columns plus one BOOLEAN: TRUE if a match exists, NULL if none but a NULL key or NULL
 * condition made the answer unknown, else FALSE (the value of IN / EXISTS used as an expression).
 * RIGHT_SEMI/RIGHT_ANTI are SEMI/ANTI with the sides swapped: they output only the right (build) columns, rows
 * with / without a match. Physical planning uses them to hash the smaller input of a semi/anti join (the probe
 * side streams; the build rows are marked as they match and come out at the end).
 * SINGLE is LEFT for a correlated scalar subquery: a left row matching two or more right rows fails with 21000
 * (the left side is always the probe side; it is never swapped).
 */
public enum JoinType
{
    INNER, LEFT, RIGHT, FULL, SEMI, ANTI, MARK, RIGHT_SEMI, RIGHT_ANTI, SINGLE
}
