package dev.basalt.spi.catalog;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A stored view: its name, the SQL text of its query (re-bound on every use, so it sees later schema changes) and
 * the output column names fixed when it was created (from {@code CREATE VIEW v (a, b)} or the query's own names).
 */
public record ViewDefinition(String name, String sql, List<String> columnNames)
{
    public ViewDefinition
    {
        requireNonNull(name, "name is null");
        requireNonNull(sql, "sql is null");
        columnNames = List.copyOf(requireNonNull(columnNames, "columnNames is null"));
    }
}
