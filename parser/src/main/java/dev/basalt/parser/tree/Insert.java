package dev.basalt.parser.tree;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * {@code INSERT INTO table [(columns)] query}; {@code VALUES (...)} arrives as a query whose body is {@link Values}.
 * {@code DEFAULT VALUES} arrives as VALUES with one empty row (see {@link #defaultValues()}).
 * {@code columns} is empty when not written. {@code conflictAction} is REPLACE / IGNORE for SQLite's
 * {@code INSERT OR REPLACE}, {@code REPLACE INTO} and {@code INSERT OR IGNORE}.
 */
public record Insert(NodeLocation location, QualifiedName table, List<Identifier> columns, Query query, ConflictAction conflictAction) implements Statement
{
    public Insert
    {
        requireNonNull(location, "location is null");
        requireNonNull(table, "table is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(query, "query is null");
        requireNonNull(conflictAction, "conflictAction is null");
    }

    /** {@code INSERT INTO t DEFAULT VALUES}: one row, every column its default. */
    public boolean defaultValues()
    {
        return query.body() instanceof Values values && values.rows().size() == 1 && values.rows().getFirst().isEmpty()
                && query.with().isEmpty() && query.orderBy().isEmpty();
    }
}
