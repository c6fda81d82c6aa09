package dev.basalt.parser.tree;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** {@code VALUES (a, b), (c, d)}; every row is a list of expressions. */
public record Values(NodeLocation location, List<List<Expression>> rows) implements QueryBody
{
    public Values
    {
        requireNonNull(location, "location is null");
        List<List<Expression>> rowsCopy = new ArrayList<>(requireNonNull(rows, "rows is null").size());
        for (List<Expression> element : rows) {
            rowsCopy.add(List.copyOf(element));
        }
        rows = List.copyOf(rowsCopy);
    }
}
