package dev.basalt.parser.tree;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** {@code GROUP BY elements}. Plain elements may be ordinals ({@code GROUP BY 1}) or select aliases. */
public record GroupBy(NodeLocation location, List<GroupingElement> elements) implements Node
{
    public GroupBy
    {
        requireNonNull(location, "location is null");
        elements = List.copyOf(requireNonNull(elements, "elements is null"));
    }
}
