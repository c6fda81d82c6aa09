package dev.basalt.spi.catalog;

import java.util.List;
import java.util.Optional;

/**
 * The tables of one database. Implemented by storage (a directory, or memory). Names are exact: the binder
 * has already folded unquoted identifiers to lower case. Every method that changes the catalog commits
 * atomically: after a crash, either the whole change or none of it is visible.
 */
public interface Catalog extends AutoCloseable
{
    Optional<Table> getTable(String name);

    /** Table names, sorted. */
    List<String> listTables();

    /** Creates an empty table; fails with DUPLICATE_TABLE (42P07) when the name is taken. */
    Table createTable(TableSchema schema);

    /** Drops a table and its data; fails with UNDEFINED_TABLE (42P01) when it does not exist. */
    void dropTable(String name);

    @Override
    void close();
}
