package dev.basalt.parser.tree;

import static java.util.Objects.requireNonNull;

/** NULL. */
public record NullLiteral(NodeLocation location) implements Literal
{
    public NullLiteral
    {
        requireNonNull(location, "location is null");
    }
}
