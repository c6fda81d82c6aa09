package dev.basalt.planner.logical;

import dev.basalt.planner.expression.InputReference;
import dev.basalt.spi.type.DataType;

import static java.util.Objects.requireNonNull;

/**
 * A column of a logical plan: unique within one planning run (by {@code id}), so rules can move expressions
 * between nodes without renumbering. {@code name} is for display and becomes the result column name.
 */
public record Symbol(int id, String name, DataType type)
{
    public Symbol
    {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        if (id < 0) {
            throw new IllegalArgumentException("id must be >= 0: " + id);
        }
    }

    /** The reference to this symbol inside logical expressions (see {@link LogicalPlan}). */
    public InputReference reference()
    {
        return new InputReference(id, type);
    }

    @Override
    public String toString()
    {
        return name + "#" + id;
    }
}
