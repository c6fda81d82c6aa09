package dev.basalt.parser.tree;

import static java.util.Objects.requireNonNull;

/** {@code value IS NOT NULL} (also {@code NOTNULL}). */
public record IsNotNull(NodeLocation location, Expression value) implements Expression
{
    public IsNotNull
    {
        requireNonNull(location, "location is null");
        requireNonNull(value, "value is null");
    }
}
