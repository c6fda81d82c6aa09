package dev.basalt.planner.logical;

import dev.basalt.spi.catalog.ColumnPredicate;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.catalog.TableStatistics;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Reads table columns {@code columns} (ordinals of {@code schema}) as {@code outputs}. {@code predicates} are
 * zone-map hints on table ordinals (filled by a rule; a Filter above still applies the exact predicate).
 * {@code statistics} are the table's statistics as of binding.
 */
public record Scan(TableSchema schema, List<Integer> columns, List<Symbol> outputs, List<ColumnPredicate> predicates, TableStatistics statistics)
        implements LogicalPlan
{
    public Scan
    {
        requireNonNull(schema, "schema is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        outputs = List.copyOf(requireNonNull(outputs, "outputs is null"));
        predicates = List.copyOf(requireNonNull(predicates, "predicates is null"));
        requireNonNull(statistics, "statistics is null");
        if (columns.size() != outputs.size()) {
            throw new IllegalArgumentException("columns and outputs differ in size");
        }
    }

    public String table()
    {
        return schema.name();
    }

    /** The table ordinal read into {@code symbol}, or -1. */
    public int columnOf(Symbol symbol)
    {
        int index = outputs.indexOf(symbol);
        return index < 0 ? -1 : columns.get(index);
    }

    @Override
    public List<LogicalPlan> sources()
    {
        return List.of();
    }

    @Override
    public LogicalPlan withSources(List<LogicalPlan> sources)
    {
        if (!sources.isEmpty()) {
            throw new IllegalArgumentException("a scan has no sources");
        }
        return this;
    }
}
