package dev.basalt.parser.tree;

import static java.util.Objects.requireNonNull;

/** {@code WHEN operand THEN result}: operand is a value (simple CASE) or a condition (searched CASE). */
public record WhenClause(NodeLocation location, Expression operand, Expression result) implements Node
{
    public WhenClause
    {
        requireNonNull(location, "location is null");
        requireNonNull(operand, "operand is null");
        requireNonNull(result, "result is null");
    }
}
