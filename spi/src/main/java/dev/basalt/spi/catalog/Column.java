package dev.basalt.spi.catalog;

import dev.basalt.spi.type.DataType;

import static java.util.Objects.requireNonNull;

/** A named, typed column of a table or of a result. Names are stored as the binder normalized them. */
public record Column(String name, DataType type, boolean nullable)
{
    public Column
    {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
    }

    public Column(String name, DataType type)
    {
        this(name, type, true);
    }
}
