package dev.basalt.planner.plan;

/** The SQL set operations. */
public enum SetOperationType
{
    UNION, INTERSECT, EXCEPT
}
