package dev.basalt.parser.tree;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * {@code COPY table [(columns)] FROM 'path' [[WITH] (options)]}. Option names are lower case (delimiter, header,
 * null, quote, escape, format, ...); a bare option such as {@code HEADER} has value TRUE and a bare word value
 * such as {@code FORMAT csv} is a {@link StringLiteral}. Values are literals or parameters.
 */
public record CopyFrom(NodeLocation location, QualifiedName table, List<Identifier> columns, String path, Map<String, Expression> options) implements Statement
{
    public CopyFrom
    {
        requireNonNull(location, "location is null");
        requireNonNull(table, "table is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(path, "path is null");
        options = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(options, "options is null")));
    }
}
