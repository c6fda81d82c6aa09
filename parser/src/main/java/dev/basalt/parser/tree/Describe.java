package dev.basalt.parser.tree;

import static java.util.Objects.requireNonNull;

/** {@code DESCRIBE table} / {@code SHOW COLUMNS FROM table} / {@code SHOW table}. */
public record Describe(NodeLocation location, QualifiedName table) implements Statement
{
    public Describe
    {
        requireNonNull(location, "location is null");
        requireNonNull(table, "table is null");
    }
}
