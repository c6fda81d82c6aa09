package dev.basalt.parser.tree;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** A table-level {@code PRIMARY KEY (columns)} or {@code UNIQUE (columns)}; parsed, not enforced. */
public record TableConstraint(NodeLocation location, TableConstraintType type, List<Identifier> columns) implements Node
{
    public TableConstraint
    {
        requireNonNull(location, "location is null");
        requireNonNull(type, "type is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
    }
}
