package dev.basalt.storage;

import dev.basalt.spi.catalog.Catalog;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.Table;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.storage.io.DatabaseStore;
import dev.basalt.storage.manifest.Manifest;
import dev.basalt.storage.manifest.RowGroupEntry;
import dev.basalt.storage.manifest.TableEntry;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static java.util.Objects.requireNonNull;

/**
 * The catalog logic shared by directory and in-memory databases: the current {@link Manifest} (an immutable
 * snapshot swapped on every commit), commits, one-writer-per-table permits, and deferred deletion of files
 * that open scans may still read.
 */
public abstract sealed class StorageCatalog
        implements Catalog
        permits DirectoryCatalog, MemoryCatalog
{
    private final DatabaseStore store;
    private final StorageOptions options;
    private final String description;
    private final Object lock = new Object();
    private final AtomicLong nextFileId;
    private final Map<Long, Semaphore> writerPermits = new ConcurrentHashMap<>();
    private final Map<Long, ScanMetrics> metrics = new ConcurrentHashMap<>();
    private volatile Manifest current;
    // Guarded by lock: files of older versions wait here while any scan might still read them.
    private int activeScans;
    private final List<Deletion> pendingDeletions = new ArrayList<>();
    private boolean closed;

    private record Deletion(long tableId, long fileId, boolean wholeTable) {}

    StorageCatalog(DatabaseStore store, StorageOptions options, String description)
    {
        this.store = requireNonNull(store, "store is null");
        this.options = requireNonNull(options, "options is null");
        this.description = requireNonNull(description, "description is null");
        this.current = store.initialManifest();
        this.nextFileId = new AtomicLong(current.nextFileId());
    }

    public StorageOptions options()
    {
        return options;
    }

    /** The committed manifest version (increments with every commit, create and drop). */
    public long version()
    {
        return current.version();
    }

    @Override
    public Optional<Table> getTable(String name)
    {
        return current.table(name).map(entry -> new StorageTable(this, entry.id(), entry.schema()));
    }

    @Override
    public List<String> listTables()
    {
        List<String> names = new ArrayList<>();
        for (TableEntry table : current.tables()) {
            names.add(table.name());
        }
        return names;
    }

    @Override
    public Table createTable(TableSchema schema)
    {
        requireNonNull(schema, "schema is null");
        if (schema.name().isEmpty()) {
            throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE, "table name must not be empty");
        }
        Set<String> names = new HashSet<>();
        for (Column column : schema.columns()) {
            if (!names.add(column.name())) {
                throw new BasaltException(ErrorCode.DUPLICATE_COLUMN, "column \"" + column.name() + "\" specified more than once in table \"" + schema.name() + "\"");
            }
        }
        synchronized (lock) {
            checkOpen();
            Manifest manifest = current;
            if (manifest.table(schema.name()).isPresent()) {
                throw new BasaltException(ErrorCode.DUPLICATE_TABLE, "table \"" + schema.name() + "\" already exists");
            }
            long id = manifest.nextTableId();
            TableEntry entry = TableEntry.of(id, schema, List.of());
            publish(manifest.withTable(entry, id + 1, nextFileId.get()), "create table \"" + schema.name() + "\"");
            return new StorageTable(this, id, schema);
        }
    }

    @Override
    public void dropTable(String name)
    {
        long tableId;
        synchronized (lock) {
            checkOpen();
            Manifest manifest = current;
            TableEntry entry = manifest.table(name)
                    .orElseThrow(() -> new BasaltException(ErrorCode.UNDEFINED_TABLE, "table \"" + name + "\" does not exist"));
            publish(manifest.withoutTable(entry.id(), nextFileId.get()), "drop table \"" + name + "\"");
            for (RowGroupEntry rowGroup : entry.rowGroups()) {
                pendingDeletions.add(new Deletion(entry.id(), rowGroup.fileId(), false));
            }
            pendingDeletions.add(new Deletion(entry.id(), -1, true));
            deletePendingIfIdle();
            tableId = entry.id();
        }
        metrics.remove(tableId);
        writerPermits.remove(tableId);
    }

    @Override
    public void close()
    {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            deletePendingIfIdle();
        }
        store.close();
    }

    // ---- for tables, writers and scans ----

    DatabaseStore store()
    {
        return store;
    }

    ScanMetrics metrics(long tableId)
    {
        return metrics.computeIfAbsent(tableId, id -> new ScanMetrics());
    }

    /** The table as of the latest commit. */
    TableEntry entry(long tableId, String name)
    {
        return current.table(tableId)
                .orElseThrow(() -> new BasaltException(ErrorCode.UNDEFINED_TABLE, "table \"" + name + "\" does not exist"));
    }

    /** The table as of now, pinned: its files stay until {@link #unpin()}. */
    TableEntry pin(long tableId, String name)
    {
        synchronized (lock) {
            checkOpen();
            TableEntry entry = entry(tableId, name);
            activeScans++;
            return entry;
        }
    }

    /** Pins without looking anything up (the caller already holds a snapshot it got while pinned or as writer). */
    void pinFiles()
    {
        synchronized (lock) {
            checkOpen();
            activeScans++;
        }
    }

    void unpin()
    {
        synchronized (lock) {
            activeScans--;
            deletePendingIfIdle();
        }
    }

    long allocateFileId()
    {
        return nextFileId.getAndIncrement();
    }

    void acquireWriter(long tableId, String name)
    {
        checkOpenUnlocked();
        Semaphore permit = writerPermits.computeIfAbsent(tableId, id -> new Semaphore(1));
        boolean acquired;
        try {
            acquired = permit.tryAcquire(options.writerLockTimeout().toNanos(), TimeUnit.NANOSECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BasaltException(ErrorCode.QUERY_CANCELED, "interrupted while waiting to write table \"" + name + "\"");
        }
        if (!acquired) {
            throw new BasaltException(ErrorCode.OBJECT_IN_USE,
                    "table \"" + name + "\" is being written by another writer (one writer per table at a time; waited " + options.writerLockTimeout().toMillis() + " ms)");
        }
    }

    void releaseWriter(long tableId)
    {
        Semaphore permit = writerPermits.get(tableId);
        if (permit != null) {
            permit.release();
        }
    }

    /**
     * Commits an append: removes the {@code replaced} row groups (a tail that was merged into the new ones)
     * and adds {@code added} at the end, as one new manifest version.
     */
    void commitRowGroups(long tableId, String name, List<Long> replaced, List<RowGroupEntry> added)
    {
        synchronized (lock) {
            checkOpen();
            Manifest manifest = current;
            TableEntry entry = manifest.table(tableId)
                    .orElseThrow(() -> new BasaltException(ErrorCode.UNDEFINED_TABLE, "table \"" + name + "\" was dropped before the commit"));
            List<RowGroupEntry> rowGroups = new ArrayList<>(entry.rowGroups().size() + added.size());
            Set<Long> toRemove = new HashSet<>(replaced);
            for (RowGroupEntry rowGroup : entry.rowGroups()) {
                if (!toRemove.remove(rowGroup.fileId())) {
                    rowGroups.add(rowGroup);
                }
            }
            if (!toRemove.isEmpty()) {
                throw new BasaltException(ErrorCode.INTERNAL_ERROR, "row groups " + toRemove + " of table \"" + name + "\" changed during the commit");
            }
            rowGroups.addAll(added);
            publish(manifest.withTable(entry.withRowGroups(rowGroups), 0, nextFileId.get()), "commit to table \"" + name + "\"");
            for (long fileId : replaced) {
                pendingDeletions.add(new Deletion(tableId, fileId, false));
            }
            deletePendingIfIdle();
        }
    }

    private void publish(Manifest next, String action)
    {
        try {
            store.publish(next);
        }
        catch (IOException e) {
            throw new BasaltException(ErrorCode.IO_ERROR, "cannot " + action + " in " + description + ": " + e, e);
        }
        current = next;
    }

    private void deletePendingIfIdle()
    {
        if (activeScans > 0 || pendingDeletions.isEmpty()) {
            return;
        }
        for (Deletion deletion : pendingDeletions) {
            if (deletion.wholeTable()) {
                store.deleteTable(deletion.tableId());
            }
            else {
                store.deleteRowGroup(deletion.tableId(), deletion.fileId());
            }
        }
        pendingDeletions.clear();
    }

    private void checkOpen()
    {
        if (closed) {
            throw new BasaltException(ErrorCode.CONNECTION_FAILURE, "database " + description + " is closed");
        }
    }

    private void checkOpenUnlocked()
    {
        synchronized (lock) {
            checkOpen();
        }
    }

    @Override
    public String toString()
    {
        return getClass().getSimpleName() + "{" + description + ", version " + current.version() + "}";
    }
}
