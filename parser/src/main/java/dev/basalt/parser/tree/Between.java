package dev.basalt.parser.tree;

import static java.util.Objects.requireNonNull;

/** {@code value [NOT] BETWEEN min AND max}. */
public record Between(NodeLocation location, Expression value, Expression min, Expression max, boolean negated) implements Expression
{
    public Between
    {
        requireNonNull(location, "location is null");
        requireNonNull(value, "value is null");
        requireNonNull(min, "min is null");
        requireNonNull(max, "max is null");
    }
}
