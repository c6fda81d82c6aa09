package dev.basalt.parser.tree;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** A possibly qualified name such as {@code schema.table} or {@code t.column} (at least one part). */
public record QualifiedName(NodeLocation location, List<Identifier> parts) implements Node
{
    public QualifiedName
    {
        requireNonNull(location, "location is null");
        parts = List.copyOf(requireNonNull(parts, "parts is null"));
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a qualified name has at least one part");
        }
    }

    public static QualifiedName of(NodeLocation location, String... names)
    {
        List<Identifier> parts = new ArrayList<>(names.length);
        for (String name : names) {
            parts.add(new Identifier(location, name, false));
        }
        return new QualifiedName(location, parts);
    }

    /** The part values, e.g. ["t", "a"] for {@code t.a}. */
    public List<String> names()
    {
        List<String> names = new ArrayList<>(parts.size());
        for (Identifier part : parts) {
            names.add(part.value());
        }
        return names;
    }

    /** The last part: the column of {@code t.a}, the table of {@code s.t}. */
    public String suffix()
    {
        return parts.getLast().value();
    }

    /** Everything but the last part, empty for an unqualified name. */
    public List<String> prefix()
    {
        List<String> names = names();
        return names.subList(0, names.size() - 1);
    }

    @Override
    public String toString()
    {
        return String.join(".", names());
    }
}
