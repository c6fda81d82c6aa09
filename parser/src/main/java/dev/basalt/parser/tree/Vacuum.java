package dev.basalt.parser.tree;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** {@code VACUUM [table]}. */
public record Vacuum(NodeLocation location, Optional<QualifiedName> table) implements Statement
{
    public Vacuum
    {
        requireNonNull(location, "location is null");
        requireNonNull(table, "table is null");
    }
}
