package dev.basalt.planner.analyzer;

import dev.basalt.planner.logical.Symbol;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** A column visible in a scope: the relation (alias) it belongs to, its name and the symbol holding it. */
public record Field(Optional<String> relation, String name, Symbol symbol)
{
    public Field
    {
        requireNonNull(relation, "relation is null");
        requireNonNull(name, "name is null");
        requireNonNull(symbol, "symbol is null");
    }

    public String displayName()
    {
        return relation.map(r -> r + "." + name).orElse(name);
    }
}
