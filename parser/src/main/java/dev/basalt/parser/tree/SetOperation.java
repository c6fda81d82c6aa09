package dev.basalt.parser.tree;

import static java.util.Objects.requireNonNull;

/** {@code left UNION|INTERSECT|EXCEPT [ALL|DISTINCT] right}; {@code all} false means DISTINCT. */
public record SetOperation(NodeLocation location, SetOperator operator, boolean all, QueryBody left, QueryBody right) implements QueryBody
{
    public SetOperation
    {
        requireNonNull(location, "location is null");
        requireNonNull(operator, "operator is null");
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
    }
}
