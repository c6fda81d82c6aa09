package dev.basalt.planner.logical;

import dev.basalt.planner.plan.AggregateFunction;
import dev.basalt.planner.plan.WindowFrame;
import dev.basalt.planner.plan.WindowFunction;
import dev.basalt.spi.type.DataType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Window functions sharing one PARTITION BY / ORDER BY (semantics of {@link dev.basalt.planner.plan.Window}).
 * Outputs the source's symbols then one per function.
 */
public record Window(LogicalPlan source, List<Symbol> partitionBy, List<Ordering> orderBy, List<Function> functions) implements LogicalPlan
{
    /** One window function: arguments are source symbols; {@code aggregate} is present for AGGREGATE. */
    public record Function(Symbol output, WindowFunction function, Optional<AggregateFunction> aggregate, List<Symbol> arguments,
            boolean distinct, boolean ignoreNulls, WindowFrame frame)
    {
        public Function
        {
            requireNonNull(output, "output is null");
            requireNonNull(function, "function is null");
            requireNonNull(aggregate, "aggregate is null");
            arguments = List.copyOf(requireNonNull(arguments, "arguments is null"));
            requireNonNull(frame, "frame is null");
        }

        public DataType type()
        {
            return output.type();
        }
    }

    public Window
    {
        requireNonNull(source, "source is null");
        partitionBy = List.copyOf(requireNonNull(partitionBy, "partitionBy is null"));
        orderBy = List.copyOf(requireNonNull(orderBy, "orderBy is null"));
        functions = List.copyOf(requireNonNull(functions, "functions is null"));
    }

    @Override
    public List<Symbol> outputs()
    {
        List<Symbol> outputs = new ArrayList<>(source.outputs());
        for (Function function : functions) {
            outputs.add(function.output());
        }
        return outputs;
    }

    @Override
    public List<LogicalPlan> sources()
    {
        return List.of(source);
    }

    @Override
    public LogicalPlan withSources(List<LogicalPlan> sources)
    {
        LogicalPlan newSource = sources.getFirst();
        return newSource == source ? this : new Window(newSource, partitionBy, orderBy, functions);
    }
}
