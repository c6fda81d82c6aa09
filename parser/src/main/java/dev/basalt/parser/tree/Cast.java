package dev.basalt.parser.tree;

import static java.util.Objects.requireNonNull;

/** {@code CAST(value AS type)}, {@code value::type}, or {@code TRY_CAST(value AS type)} (safe = true). */
public record Cast(NodeLocation location, Expression value, TypeName type, boolean safe) implements Expression
{
    public Cast
    {
        requireNonNull(location, "location is null");
        requireNonNull(value, "value is null");
        requireNonNull(type, "type is null");
    }
}
