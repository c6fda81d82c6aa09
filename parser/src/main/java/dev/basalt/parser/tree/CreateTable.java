package dev.basalt.parser.tree;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** {@code CREATE TABLE [IF NOT EXISTS] name (column definitions, table constraints)}. */
public record CreateTable(NodeLocation location, QualifiedName name, List<ColumnDefinition> columns, List<TableConstraint> constraints, boolean ifNotExists) implements Statement
{
    public CreateTable
    {
        requireNonNull(location, "location is null");
        requireNonNull(name, "name is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        constraints = List.copyOf(requireNonNull(constraints, "constraints is null"));
    }
}
