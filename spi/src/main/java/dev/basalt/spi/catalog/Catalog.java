package dev.basalt.spi.catalog;

import java.util.List;
import java.util.Optional;

/**
 * The tables, views and indexes of one database. Implemented by storage (a directory, or memory). Names are
 * exact: the binder has already folded unquoted identifiers to lower case. Tables and views share one namespace;
 * index names are unique in the database. On the catalog itself every method that changes something runs as its
 * own transaction (autocommit); {@link #beginTransaction()} groups several changes. After a crash, either a whole
 * transaction or none of it is visible.
 */
public interface Catalog extends AutoCloseable
{
    Optional<Table> getTable(String name);

    /** Table names, sorted. */
    List<String> listTables();

    /** Creates an empty table; fails with DUPLICATE_TABLE (42P07) when the name is taken (by a table or a view). */
    Table createTable(TableSchema schema);

    /** Drops a table, its data and its indexes; fails with UNDEFINED_TABLE (42P01) when it does not exist. */
    void dropTable(String name);

    /** Applies a schema change without rewriting data; 42P01 / 42703 / 42701 / 42P07 on bad names. */
    void alterTable(String name, TableChange change);

    Optional<ViewDefinition> getView(String name);

    /** View names, sorted. */
    List<String> listViews();

    /** Creates (or with {@code orReplace} replaces) a view; 42P07 when a table or (without orReplace) view has the name. */
    void createView(ViewDefinition view, boolean orReplace);

    /** 42P01 when there is no such view. */
    void dropView(String name);

    /** Indexes of a table (empty when none or no such table), sorted by name. */
    List<IndexDefinition> listIndexes(String table);

    Optional<IndexDefinition> getIndex(String name);

    /**
     * Creates an index and builds it over the existing rows. 42P07 when the name is taken, 42P01 / 42703 for a bad
     * table or column, 23505 when a unique index finds duplicate keys.
     */
    void createIndex(IndexDefinition index);

    /** 42704 when there is no such index. */
    void dropIndex(String name);

    /** Rebuilds an index from the table's rows (REINDEX); 42704 when there is no such index. */
    void rebuildIndex(String name);

    /**
     * Compacts: rewrites row groups with deleted rows, merges small row groups, deletes files no snapshot needs
     * (CHECKPOINT / VACUUM). Answers do not change. {@code table} empty = every table.
     */
    void compact(Optional<String> table);

    Optional<TriggerDefinition> getTrigger(String name);

    /** Triggers of a table (empty when none or no such table), sorted by name. */
    List<TriggerDefinition> listTriggers(String table);

    /** 42710 when a trigger of that name exists, 42P01 when the table does not exist (views: 42809). */
    void createTrigger(TriggerDefinition trigger);

    /** 42704 when there is no such trigger. Dropping a table drops its triggers. */
    void dropTrigger(String name);

    /** Starts a transaction on a snapshot of the catalog as of now. */
    Transaction beginTransaction();

    @Override
    void close();
}
