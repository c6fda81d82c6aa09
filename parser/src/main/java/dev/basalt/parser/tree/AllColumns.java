package dev.basalt.parser.tree;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** {@code *} (qualifier empty) or {@code t.*}. */
public record AllColumns(NodeLocation location, Optional<QualifiedName> qualifier) implements SelectItem
{
    public AllColumns
    {
        requireNonNull(location, "location is null");
        requireNonNull(qualifier, "qualifier is null");
    }
}
