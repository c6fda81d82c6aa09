package dev.basalt.planner.logical;

import dev.basalt.planner.plan.SetOperationType;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * UNION / INTERSECT / EXCEPT [ALL] (semantics of {@link dev.basalt.planner.plan.SetOperation}): row i of input j
 * contributes {@code inputSymbols.get(j)} (already of the output types) to {@code outputs}, positionally.
 */
public record SetOperation(SetOperationType type, boolean all, List<LogicalPlan> inputs, List<List<Symbol>> inputSymbols, List<Symbol> outputs)
        implements LogicalPlan
{
    public SetOperation
    {
        requireNonNull(type, "type is null");
        inputs = List.copyOf(requireNonNull(inputs, "inputs is null"));
        inputSymbols = requireNonNull(inputSymbols, "inputSymbols is null").stream().map(List::copyOf).toList();
        outputs = List.copyOf(requireNonNull(outputs, "outputs is null"));
        if (inputs.size() < 2 || inputs.size() != inputSymbols.size()) {
            throw new IllegalArgumentException("a set operation needs two or more inputs, each with its symbols");
        }
        for (List<Symbol> symbols : inputSymbols) {
            if (symbols.size() != outputs.size()) {
                throw new IllegalArgumentException("every input must provide one symbol per output");
            }
        }
    }

    @Override
    public List<LogicalPlan> sources()
    {
        return inputs;
    }

    @Override
    public LogicalPlan withSources(List<LogicalPlan> sources)
    {
        return sources.equals(inputs) ? this : new SetOperation(type, all, sources, inputSymbols, outputs);
    }
}
