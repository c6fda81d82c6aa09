package dev.basalt.parser.tree;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** {@code value [NOT] IN (list)}; the list may be empty (SQLite allows {@code IN ()}). */
public record InList(NodeLocation location, Expression value, List<Expression> list, boolean negated) implements Expression
{
    public InList
    {
        requireNonNull(location, "location is null");
        requireNonNull(value, "value is null");
        list = List.copyOf(requireNonNull(list, "list is null"));
    }
}
