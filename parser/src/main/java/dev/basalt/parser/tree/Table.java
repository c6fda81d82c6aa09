package dev.basalt.parser.tree;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** A table or view reference {@code name [[AS] alias [(column aliases)]]}. */
public record Table(NodeLocation location, QualifiedName name, Optional<Identifier> alias, List<Identifier> columnAliases) implements Relation
{
    public Table
    {
        requireNonNull(location, "location is null");
        requireNonNull(name, "name is null");
        requireNonNull(alias, "alias is null");
        columnAliases = List.copyOf(requireNonNull(columnAliases, "columnAliases is null"));
    }
}
