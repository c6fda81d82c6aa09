package dev.basalt.parser.tree;

import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DataTypes;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A type as written: upper-case name with single spaces ({@code DOUBLE PRECISION}, {@code CHARACTER VARYING},
 * {@code TIMESTAMP WITHOUT TIME ZONE}) and its numeric parameters. {@link #text()} is what
 * {@link DataTypes#parse} understands; unknown names are rejected there, not by the parser.
 */
public record TypeName(String name, List<Integer> parameters)
{
    public TypeName
    {
        requireNonNull(name, "name is null");
        parameters = List.copyOf(requireNonNull(parameters, "parameters is null"));
    }

    public static TypeName of(String name, Integer... parameters)
    {
        return new TypeName(name, List.of(parameters));
    }

    /** {@code DECIMAL(15,2)}, {@code VARCHAR}. */
    public String text()
    {
        if (parameters.isEmpty()) {
            return name;
        }
        StringBuilder out = new StringBuilder(name).append('(');
        for (int i = 0; i < parameters.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(parameters.get(i));
        }
        return out.append(')').toString();
    }

    /** The SQL type; throws BasaltException for unknown names or invalid parameters. */
    public DataType toDataType()
    {
        return DataTypes.parse(text());
    }

    @Override
    public String toString()
    {
        return text();
    }
}
