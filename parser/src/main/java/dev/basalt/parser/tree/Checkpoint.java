package dev.basalt.parser.tree;

import static java.util.Objects.requireNonNull;

/** {@code CHECKPOINT}: flush the write-ahead state to the table files. */
public record Checkpoint(NodeLocation location) implements Statement
{
    public Checkpoint
    {
        requireNonNull(location, "location is null");
    }
}
