package dev.basalt.planner.expression;

import dev.basalt.spi.type.DataType;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Searched CASE: the result of the first clause whose condition is TRUE (NULL counts as not true), else
 * {@code elseValue} (a NULL constant when the SQL had no ELSE). Simple CASE is rewritten to this form by the
 * binder. All results already have {@link #type()}. Only the chosen branch may raise errors (e.g. division by
 * zero in a branch not taken must not fail), so execution evaluates branches on the selected rows only.
 */
public record CaseExpression(List<WhenClause> whenClauses, RowExpression elseValue, DataType type) implements RowExpression
{
    public CaseExpression
    {
        whenClauses = List.copyOf(requireNonNull(whenClauses, "whenClauses is null"));
        requireNonNull(elseValue, "elseValue is null");
        requireNonNull(type, "type is null");
    }

    public record WhenClause(RowExpression condition, RowExpression result)
    {
        public WhenClause
        {
            requireNonNull(condition, "condition is null");
            requireNonNull(result, "result is null");
        }
    }
}
