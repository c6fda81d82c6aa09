package dev.basalt.parser.tree;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** {@code ROWS|RANGE|GROUPS start} or {@code ... BETWEEN start AND end} (end empty means CURRENT ROW). */
public record WindowFrame(NodeLocation location, FrameType type, FrameBound start, Optional<FrameBound> end) implements Node
{
    public WindowFrame
    {
        requireNonNull(location, "location is null");
        requireNonNull(type, "type is null");
        requireNonNull(start, "start is null");
        requireNonNull(end, "end is null");
    }
}
