package dev.basalt.parser.tree;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** {@code ANALYZE [table]}: recompute statistics. */
public record Analyze(NodeLocation location, Optional<QualifiedName> table) implements Statement
{
    public Analyze
    {
        requireNonNull(location, "location is null");
        requireNonNull(table, "table is null");
    }
}
