package dev.basalt.parser.tree;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** {@code CASE operand WHEN value THEN result ... [ELSE default] END}. */
public record SimpleCase(NodeLocation location, Expression operand, List<WhenClause> whenClauses, Optional<Expression> defaultValue) implements Expression
{
    public SimpleCase
    {
        requireNonNull(location, "location is null");
        requireNonNull(operand, "operand is null");
        whenClauses = List.copyOf(requireNonNull(whenClauses, "whenClauses is null"));
        requireNonNull(defaultValue, "defaultValue is null");
    }
}
