package dev.basalt.planner.plan;

/**
 * Join semantics. INNER/LEFT/RIGHT/FULL output left (probe) columns then right (build) columns, the outer side's
 * unmatched rows padded with NULLs. SEMI/ANTI output only the left columns (rows with / without a match). MARK
 * outputs the left columns plus one BOOLEAN: TRUE if a match exists, NULL if none but a NULL key or NULL
 * condition made the answer unknown, else FALSE (the value of IN / EXISTS used as an expression).
 */
public enum JoinType
{
    INNER, LEFT, RIGHT, FULL, SEMI, ANTI, MARK
}
