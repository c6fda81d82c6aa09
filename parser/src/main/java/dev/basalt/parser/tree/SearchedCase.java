package dev.basalt.parser.tree;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** {@code CASE WHEN condition THEN result ... [ELSE default] END}. */
public record SearchedCase(NodeLocation location, List<WhenClause> whenClauses, Optional<Expression> defaultValue) implements Expression
{
    public SearchedCase
    {
        requireNonNull(location, "location is null");
        whenClauses = List.copyOf(requireNonNull(whenClauses, "whenClauses is null"));
        requireNonNull(defaultValue, "defaultValue is null");
    }
}
