package dev.basalt.parser.tree;

import static java.util.Objects.requireNonNull;

/** {@code EXPLAIN [ANALYZE] statement}. */
public record Explain(NodeLocation location, boolean analyze, Statement statement) implements Statement
{
    public Explain
    {
        requireNonNull(location, "location is null");
        requireNonNull(statement, "statement is null");
    }
}
