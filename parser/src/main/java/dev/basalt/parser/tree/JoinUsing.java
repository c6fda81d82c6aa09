package dev.basalt.parser.tree;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** {@code USING (columns)}. */
public record JoinUsing(NodeLocation location, List<Identifier> columns) implements JoinCriteria
{
    public JoinUsing
    {
        requireNonNull(location, "location is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
    }
}
