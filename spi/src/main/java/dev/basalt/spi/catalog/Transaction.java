package dev.basalt.spi.catalog;

/**
 * A transaction over a catalog (snapshot isolation): it reads the snapshot that was current at
 * {@link Catalog#beginTransaction()} plus its own changes, and publishes all of its changes to every table, view and
 * index atomically at {@link #commit()}. One writing transaction at a time per database: the first change waits for
 * (then fails with 55006 on timeout) another writer; when another transaction committed after this one's snapshot,
 * the first change fails with 40001 (first committer wins). Read-only transactions never block or fail so.
 *
 * <p>{@link #close()} rolls back when neither commit nor rollback happened; {@link #beginTransaction()} fails
 * with 25001.
 */
public interface Transaction extends Catalog
{
    /** Publishes every change; fails (and rolls back) when the commit cannot be written. */
    void commit();

    /** Discards every change. */
    void rollback();

    /** True until commit or rollback. */
    boolean isActive();

    /** True once this transaction changed anything (it then holds the database's writer permit). */
    boolean hasWrites();
}
