package dev.basalt.spi.catalog;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A (partial) index: {@code CREATE [UNIQUE] INDEX name ON table (columns) [WHERE predicate]}. The index covers only
 * the rows for which {@code predicate} (SQL text over the table's columns, evaluated by a {@link RowFilterCompiler})
 * is true; all rows when empty. A PRIMARY KEY / UNIQUE constraint is a unique index without predicate. Storage
 * maintains it on every write; the engine uses unique ones to enforce the constraint.
 */
public record IndexDefinition(String name, String table, List<String> columns, Optional<String> predicate, boolean unique)
{
    public IndexDefinition
    {
        requireNonNull(name, "name is null");
        requireNonNull(table, "table is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(predicate, "predicate is null");
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("an index needs at least one column");
        }
    }
}
