package dev.basalt.parser.tree;

import static java.util.Objects.requireNonNull;

/** {@code COMMIT} / {@code END}. */
public record Commit(NodeLocation location) implements Statement
{
    public Commit
    {
        requireNonNull(location, "location is null");
    }
}
