package dev.basalt.parser.tree;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** {@code value [NOT] LIKE|ILIKE pattern [ESCAPE escape]}. */
public record Like(NodeLocation location, Expression value, Expression pattern, Optional<Expression> escape, boolean negated, boolean caseInsensitive) implements Expression
{
    public Like
    {
        requireNonNull(location, "location is null");
        requireNonNull(value, "value is null");
        requireNonNull(pattern, "pattern is null");
        requireNonNull(escape, "escape is null");
    }
}
