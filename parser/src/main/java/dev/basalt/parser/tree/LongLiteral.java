package dev.basalt.parser.tree;

import static java.util.Objects.requireNonNull;

/** An integer literal that fits a long. */
public record LongLiteral(NodeLocation location, long value) implements Literal
{
    public LongLiteral
    {
        requireNonNull(location, "location is null");
    }
}
