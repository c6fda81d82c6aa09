package dev.basalt.planner.logical;

import dev.basalt.spi.catalog.ColumnPredicate;
import dev.basalt.spi.catalog.IndexLookup;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.catalog.TableStatistics;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Reads table columns {@code columns} (ordinals of {@code schema}) as {@code outputs}. {@code predicates} are
 * zone-map hints on table ordinals (filled by a rule; a Filter above still applies the exact predicate).
 * {@code statistics} are the table's statistics as of binding. A column {@link #ROW_ID} reads the row id (BIGINT)
 * that DELETE / UPDATE need; user SQL never sees it. {@code index}, chosen after optimization, reads only the rows
 * an index finds.
 */
public record Scan(TableSchema schema, List<Integer> columns, List<Symbol> outputs, List<ColumnPredicate> predicates, TableStatistics statistics,
        Optional<IndexLookup> index)
        implements LeafPlan
{
    /** The pseudo ordinal of the row-id column (beyond any real ordinal, so statistics lookups see no column). */
    public static final int ROW_ID = Integer.MAX_VALUE;

    public Scan
    {
        requireNonNull(index, "index is null");
        requireNonNull(schema, "schema is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        outputs = List.copyOf(requireNonNull(outputs, "outputs is null"));
        predicates = List.copyOf(requireNonNull(predicates, "predicates is null"));
        requireNonNull(statistics, "statistics is null");
        if (columns.size() != outputs.size()) {
            throw new IllegalArgumentException("columns and outputs differ in size");
        }
    }

    public Scan(TableSchema schema, List<Integer> columns, List<Symbol> outputs, List<ColumnPredicate> predicates, TableStatistics statistics)
    {
        this(schema, columns, outputs, predicates, statistics, Optional.empty());
    }

    public Scan withIndex(IndexLookup lookup)
    {
        return new Scan(schema, columns, outputs, predicates, statistics, Optional.of(lookup));
    }

    public String table()
    {
        return schema.name();
    }

    /** The table ordinal read into {@code symbol} ({@link #ROW_ID} for the row id), or -1. */
    public int columnOf(Symbol symbol)
    {
        int index = outputs.indexOf(symbol);
        return index < 0 ? -1 : columns.get(index);
    }
}
