package dev.basalt.parser.tree;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** A column of CREATE TABLE / ALTER TABLE ADD COLUMN. {@code nullable} is false for NOT NULL (and PRIMARY KEY). */
public record ColumnDefinition(NodeLocation location, Identifier name, TypeName type, boolean nullable, Optional<Expression> defaultValue, boolean primaryKey, boolean unique) implements Node
{
    public ColumnDefinition
    {
        requireNonNull(location, "location is null");
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(defaultValue, "defaultValue is null");
    }
}
