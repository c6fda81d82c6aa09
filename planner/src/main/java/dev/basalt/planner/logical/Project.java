package dev.basalt.planner.logical;

import dev.basalt.planner.expression.InputReference;
import dev.basalt.planner.expression.RowExpression;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** Computes {@code outputs.get(i) := expressions.get(i)} over the source's symbols; outputs only those. */
public record Project(LogicalPlan source, List<Symbol> outputs, List<RowExpression> expressions) implements LogicalPlan
{
    public Project
    {
        requireNonNull(source, "source is null");
        outputs = List.copyOf(requireNonNull(outputs, "outputs is null"));
        expressions = List.copyOf(requireNonNull(expressions, "expressions is null"));
        if (outputs.size() != expressions.size()) {
            throw new IllegalArgumentException("outputs and expressions differ in size");
        }
    }

    /** A projection that only keeps (and reorders) source symbols. */
    public static Project identity(LogicalPlan source, List<Symbol> symbols)
    {
        return new Project(source, symbols, symbols.stream().map(symbol -> (RowExpression) symbol.reference()).toList());
    }

    /** The expression assigned to {@code symbol}, or null when this projection does not output it. */
    public RowExpression expressionOf(Symbol symbol)
    {
        int index = outputs.indexOf(symbol);
        return index < 0 ? null : expressions.get(index);
    }

    /** True when every output is a plain reference to a source symbol of the same id (a pure column selection). */
    public boolean isSelection()
    {
        for (int i = 0; i < outputs.size(); i++) {
            if (!(expressions.get(i) instanceof InputReference reference) || reference.index() != outputs.get(i).id()) {
                return false;
            }
        }
        return true;
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
        return newSource == source ? this : new Project(newSource, outputs, expressions);
    }
}
