package dev.basalt.parser.tree;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** {@code RESET name}, or {@code RESET ALL} (name empty). */
public record ResetVariable(NodeLocation location, Optional<QualifiedName> name) implements Statement
{
    public ResetVariable
    {
        requireNonNull(location, "location is null");
        requireNonNull(name, "name is null");
    }
}
