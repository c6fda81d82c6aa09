package dev.basalt.parser.tree;

import static java.util.Objects.requireNonNull;

/** {@code SHOW TABLES}. */
public record ShowTables(NodeLocation location) implements Statement
{
    public ShowTables
    {
        requireNonNull(location, "location is null");
    }
}
