package dev.basalt.spi.catalog;

import dev.basalt.spi.type.DataType;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A named, typed column of a table or of a result. Names are stored as the binder normalized them.
 * {@code defaultExpression} is the SQL text of a table column's DEFAULT (evaluated for every INSERT that omits the
 * column; empty = NULL); result columns never have one.
 */
public record Column(String name, DataType type, boolean nullable, Optional<String> defaultExpression)
{
    public Column
    {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(defaultExpression, "defaultExpression is null");
    }

    public Column(String name, DataType type, boolean nullable)
    {
        this(name, type, nullable, Optional.empty());
    }

    public Column(String name, DataType type)
    {
        this(name, type, true);
    }

    public Column withDefault(Optional<String> expression)
    {
        return new Column(name, type, nullable, expression);
    }
}
