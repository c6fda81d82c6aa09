package dev.basalt.parser.tree;

import static java.util.Objects.requireNonNull;

/** A string literal, escapes already resolved. */
public record StringLiteral(NodeLocation location, String value) implements Literal
{
    public StringLiteral
    {
        requireNonNull(location, "location is null");
        requireNonNull(value, "value is null");
    }
}
