package dev.basalt.planner.logical;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The root of a statement's plan: the result columns ({@code columns}, source symbols, possibly repeated) and
 * their user-visible {@code names}.
 */
public record Output(LogicalPlan source, List<Symbol> columns, List<String> names) implements LogicalPlan
{
    public Output
    {
        requireNonNull(source, "source is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        names = List.copyOf(requireNonNull(names, "names is null"));
        if (columns.size() != names.size()) {
            throw new IllegalArgumentException("columns and names differ in size");
        }
    }

    @Override
    public List<Symbol> outputs()
    {
        return columns;
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
        return newSource == source ? this : new Output(newSource, columns, names);
    }
}
