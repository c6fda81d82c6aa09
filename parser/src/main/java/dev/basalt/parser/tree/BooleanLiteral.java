package dev.basalt.parser.tree;

import static java.util.Objects.requireNonNull;

/** TRUE or FALSE. */
public record BooleanLiteral(NodeLocation location, boolean value) implements Literal
{
    public BooleanLiteral
    {
        requireNonNull(location, "location is null");
    }
}
