package dev.basalt.parser.tree;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code COPY table [(columns)] TO 'path' [options]} or {@code COPY (query) TO 'path' [options]}: exactly one of
 * {@code table} and {@code query} is present. Options as in {@link CopyFrom}.
 */
public record CopyTo(NodeLocation location, Optional<QualifiedName> table, List<Identifier> columns, Optional<Query> query, String path, Map<String, Expression> options) implements Statement
{
    public CopyTo
    {
        requireNonNull(location, "location is null");
        requireNonNull(table, "table is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(query, "query is null");
        requireNonNull(path, "path is null");
        options = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(options, "options is null")));
        if (table.isPresent() == query.isPresent()) {
            throw new IllegalArgumentException("exactly one of table and query must be present");
        }
    }
}
