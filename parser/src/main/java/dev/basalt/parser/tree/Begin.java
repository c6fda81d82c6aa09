package dev.basalt.parser.tree;

import static java.util.Objects.requireNonNull;

/** {@code BEGIN [TRANSACTION]} / {@code START TRANSACTION}. */
public record Begin(NodeLocation location) implements Statement
{
    public Begin
    {
        requireNonNull(location, "location is null");
    }
}
