package dev.basalt.parser.tree;

import static java.util.Objects.requireNonNull;

/** {@code REINDEX name}: rebuilds the index {@code name}, or every index of the table {@code name} (SQLite). */
public record Reindex(NodeLocation location, QualifiedName name) implements Statement
{
    public Reindex
    {
        requireNonNull(location, "location is null");
        requireNonNull(name, "name is null");
    }
}
