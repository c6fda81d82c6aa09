package dev.basalt.parser.tree;

import static java.util.Objects.requireNonNull;

/** {@code value IS NULL} (also SQLite's {@code ISNULL}). */
public record IsNull(NodeLocation location, Expression value) implements Expression
{
    public IsNull
    {
        requireNonNull(location, "location is null");
        requireNonNull(value, "value is null");
    }
}
