package dev.basalt.parser.tree;

import static java.util.Objects.requireNonNull;

/** {@code ROLLBACK} / {@code ABORT}. */
public record Rollback(NodeLocation location) implements Statement
{
    public Rollback
    {
        requireNonNull(location, "location is null");
    }
}
