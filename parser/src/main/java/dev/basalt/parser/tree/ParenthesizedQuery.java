package dev.basalt.parser.tree;

import static java.util.Objects.requireNonNull;

/** A parenthesized query used as a set operation operand or query body, possibly with its own ORDER BY/LIMIT. */
public record ParenthesizedQuery(NodeLocation location, Query query) implements QueryBody
{
    public ParenthesizedQuery
    {
        requireNonNull(location, "location is null");
        requireNonNull(query, "query is null");
    }
}
