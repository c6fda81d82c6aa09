package dev.basalt.parser.tree;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code OVER ([existing] [PARTITION BY ...] [ORDER BY ...] [frame])}; {@code OVER w} is a specification with
 * only {@code existingName}.
 */
public record WindowSpecification(NodeLocation location, Optional<Identifier> existingName, List<Expression> partitionBy, List<OrderItem> orderBy, Optional<WindowFrame> frame) implements Node
{
    public WindowSpecification
    {
        requireNonNull(location, "location is null");
        requireNonNull(existingName, "existingName is null");
        partitionBy = List.copyOf(requireNonNull(partitionBy, "partitionBy is null"));
        orderBy = List.copyOf(requireNonNull(orderBy, "orderBy is null"));
        requireNonNull(frame, "frame is null");
    }
}
