package dev.basalt.parser.tree;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** {@code CALL name(args)}, e.g. {@code CALL dbgen(sf => 0.01)}. */
public record Call(NodeLocation location, QualifiedName name, List<CallArgument> arguments) implements Statement
{
    public Call
    {
        requireNonNull(location, "location is null");
        requireNonNull(name, "name is null");
        arguments = List.copyOf(requireNonNull(arguments, "arguments is null"));
    }
}
