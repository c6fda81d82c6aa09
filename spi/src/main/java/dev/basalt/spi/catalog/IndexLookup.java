package dev.basalt.spi.catalog;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Read only the rows an index finds: the rows covered by index {@code indexName} whose key columns satisfy every
 * {@code keyPredicates} entry (each on an index key column, by table ordinal; the first key column is searched,
 * the others filtered). Unlike {@link ScanSpec#predicates()} this is exact: a scan with a lookup returns exactly
 * the covered rows that match. The planner chooses it only when the query's predicate implies the index's.
 */
public record IndexLookup(String indexName, List<ColumnPredicate> keyPredicates)
{
    public IndexLookup
    {
        requireNonNull(indexName, "indexName is null");
        keyPredicates = List.copyOf(requireNonNull(keyPredicates, "keyPredicates is null"));
    }
}
