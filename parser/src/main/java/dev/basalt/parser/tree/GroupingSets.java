package dev.basalt.parser.tree;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** {@code GROUPING SETS ((a, b), (a), ())}. */
public record GroupingSets(NodeLocation location, List<List<Expression>> sets) implements GroupingElement
{
    public GroupingSets
    {
        requireNonNull(location, "location is null");
        List<List<Expression>> setsCopy = new ArrayList<>(requireNonNull(sets, "sets is null").size());
        for (List<Expression> element : sets) {
            setsCopy.add(List.copyOf(element));
        }
        sets = List.copyOf(setsCopy);
    }
}
