package dev.basalt.storage;

import dev.basalt.spi.catalog.Catalog;
import dev.basalt.spi.catalog.IndexDefinition;
import dev.basalt.spi.catalog.Table;
import dev.basalt.spi.catalog.TableChange;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.catalog.Transaction;
import dev.basalt.spi.catalog.TriggerDefinition;
import dev.basalt.spi.catalog.ViewDefinition;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.storage.index.RowGroupIndexCache;
import dev.basalt.storage.io.DatabaseStore;
import dev.basalt.storage.manifest.FileNames;
import dev.basalt.storage.manifest.IndexEntry;
import dev.basalt.storage.manifest.Manifest;
import dev.basalt.storage.manifest.TableEntry;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * The catalog logic shared by directory and in-memory databases: the current {@link Manifest} (an immutable
 * snapshot swapped on every commit), transactions (snapshot isolation, one writer per database), and deferred
 * deletion of files that open scans or transactions may still read. Every changing method on the catalog itself
 * is a transaction of its own (begin, change, commit).
 */
public abstract sealed class StorageCatalog
        implements Catalog
        permits DirectoryCatalog, MemoryCatalog
{
    /** A file of a table ({@code name} null = the table's whole directory). */
    record StoredFile(long tableId, String name) {}

    private final DatabaseStore store;
    private final StorageOptions options;
    private final String description;
    private final Object lock = new Object();
    private final AtomicLong nextFileId;
    private final Semaphore writerPermit = new Semaphore(1);
    private final Map<Long, ScanMetrics> metrics = new ConcurrentHashMap<>();
    /** Opened index files: point lookups (unique checks) would otherwise re-read them every time. */
    private final RowGroupIndexCache indexCache = new RowGroupIndexCache(64L << 20);
    private volatile Manifest current;
    // Guarded by lock: files no longer referenced wait here while any scan or transaction might still read them.
    private int pins;
    private final List<StoredFile> pendingDeletions = new ArrayList<>();
    private boolean closed;

    StorageCatalog(DatabaseStore store, StorageOptions options, String description)
    {
        this.store = requireNonNull(store, "store is null");
        this.options = requireNonNull(options, "options is null");
        this.description = requireNonNull(description, "description is null");
        this.current = store.initialManifest();
        // Table ids come from the file-id sequence too (format 1 databases counted them separately).
        this.nextFileId = new AtomicLong(Math.max(current.nextFileId(), current.nextTableId()));
    }

    public StorageOptions options()
    {
        return options;
    }

    /** The committed manifest version (increments with every commit that changed something). */
    public long version()
    {
        return current.version();
    }

    @Override
    public Optional<Table> getTable(String name)
    {
        return current.table(name).map(entry -> new StorageTable(this, null, entry.id(), entry.schema()));
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
        Table created = autocommit(transaction -> transaction.createTable(schema));
        StorageTable table = (StorageTable) created;
        return new StorageTable(this, null, table.id(), table.schema());
    }

    @Override
    public void dropTable(String name)
    {
        autocommit(transaction -> {
            transaction.dropTable(name);
            return null;
        });
    }

    @Override
    public void alterTable(String name, TableChange change)
    {
        autocommit(transaction -> {
            transaction.alterTable(name, change);
            return null;
        });
    }

    @Override
    public Optional<ViewDefinition> getView(String name)
    {
        return current.view(name);
    }

    @Override
    public List<String> listViews()
    {
        List<String> names = new ArrayList<>();
        for (ViewDefinition view : current.views()) {
            names.add(view.name());
        }
        return names;
    }

    @Override
    public void createView(ViewDefinition view, boolean orReplace)
    {
        autocommit(transaction -> {
            transaction.createView(view, orReplace);
            return null;
        });
    }

    @Override
    public void dropView(String name)
    {
        autocommit(transaction -> {
            transaction.dropView(name);
            return null;
        });
    }

    @Override
    public Optional<TriggerDefinition> getTrigger(String name)
    {
        return current.trigger(name);
    }

    @Override
    public List<TriggerDefinition> listTriggers(String table)
    {
        return current.triggersOf(table);
    }

    @Override
    public void createTrigger(TriggerDefinition trigger)
    {
        autocommit(transaction -> {
            transaction.createTrigger(trigger);
            return null;
        });
    }

    @Override
    public void dropTrigger(String name)
    {
        autocommit(transaction -> {
            transaction.dropTrigger(name);
            return null;
        });
    }

    @Override
    public List<IndexDefinition> listIndexes(String table)
    {
        return StorageTransaction.indexesOf(current, table);
    }

    @Override
    public Optional<IndexDefinition> getIndex(String name)
    {
        return current.index(name).map(IndexEntry::definition);
    }

    @Override
    public void createIndex(IndexDefinition index)
    {
        autocommit(transaction -> {
            transaction.createIndex(index);
            return null;
        });
    }

    @Override
    public void dropIndex(String name)
    {
        autocommit(transaction -> {
            transaction.dropIndex(name);
            return null;
        });
    }

    @Override
    public void rebuildIndex(String name)
    {
        autocommit(transaction -> {
            transaction.rebuildIndex(name);
            return null;
        });
    }

    @Override
    public void compact(Optional<String> table)
    {
        autocommit(transaction -> {
            transaction.compact(table);
            return null;
        });
    }

    @Override
    public Transaction beginTransaction()
    {
        return StorageTransaction.begin(this);
    }

    private <T> T autocommit(Function<StorageTransaction, T> action)
    {
        StorageTransaction transaction = StorageTransaction.autocommit(this);
        try {
            T result = action.apply(transaction);
            transaction.commit();
            return result;
        }
        finally {
            if (transaction.isActive()) {
                transaction.rollback();
            }
        }
    }

    @Override
    public void close()
    {
        synchronized (lock) {
            if (closed) {
                return;
            }
            deletePendingIfIdle();
            // Whatever is still pending (pinned by a scan left open) is removed by the next open's recovery.
            closed = true;
        }
        store.close();
    }

    // ---- for transactions, tables, writers and scans ----

    DatabaseStore store()
    {
        return store;
    }

    String description()
    {
        return description;
    }

    Manifest current()
    {
        return current;
    }

    /** The table as of the latest commit (tests, tools). */
    TableEntry entry(long tableId, String name)
    {
        return current.table(tableId)
                .orElseThrow(() -> new BasaltException(ErrorCode.UNDEFINED_TABLE, "table \"" + name + "\" does not exist"));
    }

    RowGroupIndexCache indexCache()
    {
        return indexCache;
    }

    ScanMetrics metrics(long tableId)
    {
        return metrics.computeIfAbsent(tableId, id -> new ScanMetrics());
    }

    /** Pins the current state: no file it references is deleted until {@link #unpin()}. */
    Manifest pinCurrent()
    {
        synchronized (lock) {
            checkOpen();
            pins++;
            return current;
        }
    }

    /** Pins without looking anything up (the caller already holds a pinned snapshot). */
    void pinFiles()
    {
        synchronized (lock) {
            checkOpen();
            pins++;
        }
    }

    void unpin()
    {
        synchronized (lock) {
            pins--;
            deletePendingIfIdle();
        }
    }

    long allocateFileId()
    {
        long id = nextFileId.getAndIncrement();
        if (id > Integer.MAX_VALUE) {
            // Row ids are fileId << 32 | position.
            throw new BasaltException(ErrorCode.FEATURE_NOT_SUPPORTED, "database " + description + " ran out of file ids; export and re-import it");
        }
        return id;
    }

    /** Waits for the database's single writer permit; 55006 after the configured timeout. */
    void acquireWriterPermit()
    {
        synchronized (lock) {
            checkOpen();
        }
        boolean acquired;
        try {
            acquired = writerPermit.tryAcquire(options.writerLockTimeout().toNanos(), TimeUnit.NANOSECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BasaltException(ErrorCode.QUERY_CANCELED, "interrupted while waiting for another transaction to finish writing database " + description);
        }
        if (!acquired) {
            throw new BasaltException(ErrorCode.OBJECT_IN_USE,
                    "database " + description + " is being written by another transaction (one writing transaction at a time; waited "
                            + options.writerLockTimeout().toMillis() + " ms)");
        }
    }

    void releaseWriterPermit()
    {
        writerPermit.release();
    }

    /**
     * Publishes a transaction's working state as the next version (the caller holds the writer permit, so the
     * current version is still {@code base}'s). Every file written for it is made durable first; files the new
     * version no longer references are deleted once nothing pins them.
     */
    void publish(Manifest base, Manifest working, Collection<StoredFile> created, Set<Long> touchedTables)
    {
        checkOpen();
        try {
            // Outside the lock: fsyncs take long, and the writer permit already keeps other commits out.
            for (long tableId : touchedTables) {
                if (working.table(tableId).isPresent()) {
                    store.syncTable(tableId);
                }
            }
        }
        catch (IOException e) {
            throw new BasaltException(ErrorCode.IO_ERROR, "cannot commit to database " + description + ": " + e, e);
        }
        synchronized (lock) {
            checkOpen();
            if (current.version() != base.version()) {
                throw new BasaltException(ErrorCode.INTERNAL_ERROR, "database " + description + " changed under a writing transaction");
            }
            Manifest next = working.withVersion(current.version() + 1, nextFileId.get());
            try {
                store.publish(next);
            }
            catch (IOException e) {
                throw new BasaltException(ErrorCode.IO_ERROR, "cannot commit to database " + description + ": " + e, e);
            }
            current = next;
            Map<Long, Set<String>> before = FileNames.liveFiles(base);
            Map<Long, Set<String>> after = FileNames.liveFiles(next);
            for (Map.Entry<Long, Set<String>> table : before.entrySet()) {
                Set<String> still = after.get(table.getKey());
                if (still == null) {
                    pendingDeletions.add(new StoredFile(table.getKey(), null));
                    continue;
                }
                for (String name : table.getValue()) {
                    if (!still.contains(name)) {
                        pendingDeletions.add(new StoredFile(table.getKey(), name));
                    }
                }
            }
            for (StoredFile file : created) {
                Set<String> live = after.get(file.tableId());
                if (live == null) {
                    pendingDeletions.add(new StoredFile(file.tableId(), null));
                }
                else if (!live.contains(file.name())) {
                    pendingDeletions.add(file);
                }
            }
            deletePendingIfIdle();
        }
    }

    /** Forgets files of a rolled-back transaction (deleted once nothing pins them). */
    void discard(Collection<StoredFile> created, Manifest base)
    {
        synchronized (lock) {
            Map<Long, Set<String>> committed = FileNames.liveFiles(current);
            for (StoredFile file : created) {
                Set<String> live = committed.get(file.tableId());
                if (live == null && current.table(file.tableId()).isEmpty() && base.table(file.tableId()).isEmpty()) {
                    // A table created by the transaction: its directory goes too.
                    pendingDeletions.add(new StoredFile(file.tableId(), null));
                }
                else if (live == null || !live.contains(file.name())) {
                    pendingDeletions.add(file);
                }
            }
            deletePendingIfIdle();
        }
    }

    private void deletePendingIfIdle()
    {
        if (closed || pins > 0 || pendingDeletions.isEmpty()) {
            return;
        }
        for (StoredFile file : pendingDeletions) {
            if (file.name() == null) {
                if (current.table(file.tableId()).isEmpty()) {
                    store.deleteTable(file.tableId());
                    metrics.remove(file.tableId());
                }
            }
            else {
                store.deleteFile(file.tableId(), file.name());
                indexCache.invalidate(store.describe(file.tableId(), file.name()));
            }
        }
        pendingDeletions.clear();
    }

    void checkOpen()
    {
        synchronized (lock) {
            if (closed) {
                throw new BasaltException(ErrorCode.CONNECTION_FAILURE, "database " + description + " is closed");
            }
        }
    }

    @Override
    public String toString()
    {
        return getClass().getSimpleName() + "{" + description + ", version " + current.version() + "}";
    }
}
