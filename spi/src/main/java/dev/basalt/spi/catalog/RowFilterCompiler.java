package dev.basalt.spi.catalog;

/**
 * Turns the SQL text of an index predicate into a {@link RowFilter}. The engine implements it (storage cannot parse
 * SQL) and hands it to the catalog when it opens a database.
 */
@FunctionalInterface
public interface RowFilterCompiler
{
    /** Fails with a BasaltException (42601, 42703, 42804, ...) when the predicate is not valid for {@code schema}. */
    RowFilter compile(TableSchema schema, String predicateSql);
}
