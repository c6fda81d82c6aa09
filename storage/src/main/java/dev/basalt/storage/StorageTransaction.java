package dev.basalt.storage;

import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.IndexDefinition;
import dev.basalt.spi.catalog.Table;
import dev.basalt.spi.catalog.TableChange;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.catalog.Transaction;
import dev.basalt.spi.catalog.TriggerDefinition;
import dev.basalt.spi.catalog.ViewDefinition;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.storage.StorageCatalog.StoredFile;
import dev.basalt.storage.manifest.IndexEntry;
import dev.basalt.storage.manifest.Manifest;
import dev.basalt.storage.manifest.TableEntry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * A transaction: reads its snapshot ({@code base}, pinned so no file of it disappears) plus its own changes
 * ({@code working}, an immutable manifest replaced on every change). The first change takes the database's
 * writer permit and checks that nobody committed since the snapshot (else 40001: first committer wins). Commit
 * publishes {@code working} as one new manifest version; rollback just forgets it and deletes the files it wrote.
 */
final class StorageTransaction
        implements Transaction
{
    private final StorageCatalog catalog;
    private final Manifest base;
    private Manifest working;
    private boolean active = true;
    private boolean writer;
    private final Set<StoredFile> created = new LinkedHashSet<>();
    private final Set<Long> touchedTables = new HashSet<>();

    private StorageTransaction(StorageCatalog catalog, Manifest base, boolean writer)
    {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.base = requireNonNull(base, "base is null");
        this.working = base;
        this.writer = writer;
    }

    static StorageTransaction begin(StorageCatalog catalog)
    {
        return new StorageTransaction(catalog, catalog.pinCurrent(), false);
    }

    /** A single-change transaction: takes the permit first, so its snapshot is the latest and 40001 cannot happen. */
    static StorageTransaction autocommit(StorageCatalog catalog)
    {
        catalog.acquireWriterPermit();
        try {
            return new StorageTransaction(catalog, catalog.pinCurrent(), true);
        }
        catch (RuntimeException e) {
            catalog.releaseWriterPermit();
            throw e;
        }
    }

    StorageCatalog catalog()
    {
        return catalog;
    }

    /** What this transaction sees now. */
    Manifest working()
    {
        checkActive();
        return working;
    }

    /** Called before every change: takes the writer permit on the first one. */
    void beginWrite()
    {
        checkActive();
        if (writer) {
            return;
        }
        catalog.acquireWriterPermit();
        if (catalog.current().version() != base.version()) {
            catalog.releaseWriterPermit();
            throw new BasaltException(ErrorCode.SERIALIZATION_FAILURE,
                    "could not serialize access: another transaction committed since this one began (its snapshot is version "
                            + base.version() + ", the database is at version " + catalog.current().version() + "); retry the transaction");
        }
        writer = true;
    }

    /** The table for a change (takes the writer permit). */
    TableEntry tableForWrite(long tableId, String name)
    {
        beginWrite();
        return working.table(tableId)
                .orElseThrow(() -> new BasaltException(ErrorCode.UNDEFINED_TABLE, "table \"" + name + "\" does not exist"));
    }

    void replaceTable(TableEntry entry)
    {
        working = working.withTable(entry);
        touchedTables.add(entry.id());
    }

    void addCreated(long tableId, String name)
    {
        created.add(new StoredFile(tableId, name));
        touchedTables.add(tableId);
    }

    void replaceTrigger(TriggerDefinition trigger)
    {
        working = working.withTrigger(trigger);
    }

    void replaceIndex(IndexEntry index)
    {
        working = working.withIndex(index);
    }

    // ---- Catalog ----

    @Override
    public Optional<Table> getTable(String name)
    {
        return working().table(name).map(entry -> new StorageTable(catalog, this, entry.id(), entry.schema()));
    }

    @Override
    public List<String> listTables()
    {
        List<String> names = new ArrayList<>();
        for (TableEntry table : working().tables()) {
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
        beginWrite();
        checkRelationNameFree(schema.name());
        // Table ids come from the file-id sequence: never reused, even by a rolled-back transaction.
        long id = catalog.allocateFileId();
        replaceTable(TableEntry.of(id, schema, List.of()));
        return new StorageTable(catalog, this, id, schema);
    }

    private void checkRelationNameFree(String name)
    {
        if (working.table(name).isPresent()) {
            throw new BasaltException(ErrorCode.DUPLICATE_TABLE, "table \"" + name + "\" already exists");
        }
        if (working.view(name).isPresent()) {
            throw new BasaltException(ErrorCode.DUPLICATE_TABLE, "a view named \"" + name + "\" already exists");
        }
    }

    @Override
    public void dropTable(String name)
    {
        beginWrite();
        TableEntry entry = working.table(name)
                .orElseThrow(() -> new BasaltException(ErrorCode.UNDEFINED_TABLE, "table \"" + name + "\" does not exist"));
        working = working.withoutTable(entry.id());
        touchedTables.add(entry.id());
    }

    @Override
    public void alterTable(String name, TableChange change)
    {
        requireNonNull(change, "change is null");
        beginWrite();
        TableEntry entry = working.table(name)
                .orElseThrow(() -> new BasaltException(ErrorCode.UNDEFINED_TABLE, "table \"" + name + "\" does not exist"));
        SchemaChanges.apply(this, entry, change);
    }

    void replaceWorking(Manifest manifest)
    {
        working = manifest;
    }

    @Override
    public Optional<ViewDefinition> getView(String name)
    {
        return working().view(name);
    }

    @Override
    public List<String> listViews()
    {
        List<String> names = new ArrayList<>();
        for (ViewDefinition view : working().views()) {
            names.add(view.name());
        }
        return names;
    }

    @Override
    public void createView(ViewDefinition view, boolean orReplace)
    {
        requireNonNull(view, "view is null");
        beginWrite();
        if (working.table(view.name()).isPresent()) {
            throw new BasaltException(ErrorCode.DUPLICATE_TABLE, "a table named \"" + view.name() + "\" already exists");
        }
        if (!orReplace && working.view(view.name()).isPresent()) {
            throw new BasaltException(ErrorCode.DUPLICATE_TABLE, "view \"" + view.name() + "\" already exists");
        }
        working = working.withView(view);
    }

    @Override
    public void dropView(String name)
    {
        beginWrite();
        if (working.view(name).isEmpty()) {
            throw new BasaltException(ErrorCode.UNDEFINED_TABLE, "view \"" + name + "\" does not exist");
        }
        working = working.withoutView(name);
    }

    @Override
    public List<IndexDefinition> listIndexes(String table)
    {
        return indexesOf(working(), table);
    }

    static List<IndexDefinition> indexesOf(Manifest manifest, String table)
    {
        Optional<TableEntry> entry = manifest.table(table);
        if (entry.isEmpty()) {
            return List.of();
        }
        List<IndexDefinition> result = new ArrayList<>();
        for (IndexEntry index : manifest.indexesOf(entry.get().id())) {
            result.add(index.definition());
        }
        return result;
    }

    @Override
    public Optional<IndexDefinition> getIndex(String name)
    {
        return working().index(name).map(IndexEntry::definition);
    }

    @Override
    public void createIndex(IndexDefinition index)
    {
        requireNonNull(index, "index is null");
        beginWrite();
        if (working.index(index.name()).isPresent()) {
            throw new BasaltException(ErrorCode.DUPLICATE_TABLE, "index \"" + index.name() + "\" already exists");
        }
        if (working.table(index.name()).isPresent() || working.view(index.name()).isPresent()) {
            throw new BasaltException(ErrorCode.DUPLICATE_TABLE, "relation \"" + index.name() + "\" already exists (indexes share the name space of tables and views)");
        }
        TableEntry table = working.table(index.table())
                .orElseThrow(() -> new BasaltException(ErrorCode.UNDEFINED_TABLE, "table \"" + index.table() + "\" does not exist"));
        Set<String> seen = new HashSet<>();
        for (String column : index.columns()) {
            if (table.ordinalOf(column).isEmpty()) {
                throw new BasaltException(ErrorCode.UNDEFINED_COLUMN, "column \"" + column + "\" of table \"" + table.name() + "\" does not exist");
            }
            if (!seen.add(column)) {
                throw new BasaltException(ErrorCode.DUPLICATE_COLUMN, "column \"" + column + "\" appears twice in index \"" + index.name() + "\"");
            }
        }
        IndexEntry entry = new IndexEntry(catalog.allocateFileId(), table.id(), index);
        IndexMaintenance.checkBuildable(catalog, table, entry);
        IndexMaintenance.buildAll(this, table, entry, table.rowGroups());
        if (index.unique()) {
            IndexMaintenance.checkUnique(this, table, entry);
        }
        working = working.withIndex(entry);
    }

    @Override
    public void dropIndex(String name)
    {
        beginWrite();
        if (working.index(name).isEmpty()) {
            throw new BasaltException(ErrorCode.UNDEFINED_OBJECT, "index \"" + name + "\" does not exist");
        }
        working = working.withoutIndex(name);
    }

    @Override
    public void rebuildIndex(String name)
    {
        beginWrite();
        IndexEntry old = working.index(name)
                .orElseThrow(() -> new BasaltException(ErrorCode.UNDEFINED_OBJECT, "index \"" + name + "\" does not exist"));
        TableEntry table = working.table(old.tableId())
                .orElseThrow(() -> new BasaltException(ErrorCode.INTERNAL_ERROR, "index \"" + name + "\" belongs to a missing table"));
        // A new id: older snapshots keep reading the old files until nothing pins them.
        IndexEntry rebuilt = new IndexEntry(catalog.allocateFileId(), table.id(), old.definition());
        IndexMaintenance.buildAll(this, table, rebuilt, table.rowGroups());
        working = working.withIndex(rebuilt);
    }

    @Override
    public void compact(Optional<String> table)
    {
        requireNonNull(table, "table is null");
        checkActive();
        List<TableEntry> tables = new ArrayList<>();
        if (table.isPresent()) {
            tables.add(working.table(table.get())
                    .orElseThrow(() -> new BasaltException(ErrorCode.UNDEFINED_TABLE, "table \"" + table.get() + "\" does not exist")));
        }
        else {
            tables.addAll(working.tables());
        }
        for (TableEntry entry : tables) {
            if (Compaction.needed(entry, catalog.options())) {
                beginWrite();
                Compaction.run(this, working.table(entry.id()).orElseThrow());
            }
        }
    }

    @Override
    public Optional<TriggerDefinition> getTrigger(String name)
    {
        return working().trigger(name);
    }

    @Override
    public List<TriggerDefinition> listTriggers(String table)
    {
        return working().triggersOf(table);
    }

    @Override
    public void createTrigger(TriggerDefinition trigger)
    {
        requireNonNull(trigger, "trigger is null");
        beginWrite();
        if (working.trigger(trigger.name()).isPresent()) {
            throw new BasaltException(ErrorCode.DUPLICATE_OBJECT, "trigger \"" + trigger.name() + "\" already exists");
        }
        if (working.table(trigger.table()).isEmpty()) {
            if (working.view(trigger.table()).isPresent()) {
                throw new BasaltException(ErrorCode.WRONG_OBJECT_TYPE, "\"" + trigger.table() + "\" is a view; only INSTEAD OF triggers can be created on views");
            }
            throw new BasaltException(ErrorCode.UNDEFINED_TABLE, "table \"" + trigger.table() + "\" does not exist");
        }
        working = working.withTrigger(trigger);
    }

    @Override
    public void dropTrigger(String name)
    {
        beginWrite();
        if (working.trigger(name).isEmpty()) {
            throw new BasaltException(ErrorCode.UNDEFINED_OBJECT, "trigger \"" + name + "\" does not exist");
        }
        working = working.withoutTrigger(name);
    }

    @Override
    public Transaction beginTransaction()
    {
        throw new BasaltException(ErrorCode.ACTIVE_SQL_TRANSACTION, "there is already a transaction in progress");
    }

    // ---- Transaction ----

    @Override
    public void commit()
    {
        checkActive();
        try {
            if (writer && working != base) {
                catalog.publish(base, working, created, touchedTables);
            }
            else if (!created.isEmpty()) {
                catalog.discard(created, base);
            }
        }
        catch (RuntimeException e) {
            catalog.discard(created, base);
            finish();
            throw BasaltException.wrap(e);
        }
        finish();
    }

    @Override
    public void rollback()
    {
        if (!active) {
            return;
        }
        try {
            catalog.discard(created, base);
        }
        finally {
            finish();
        }
    }

    private void finish()
    {
        active = false;
        created.clear();
        working = base;
        boolean wasWriter = writer;
        writer = false;
        try {
            catalog.unpin();
        }
        finally {
            if (wasWriter) {
                catalog.releaseWriterPermit();
            }
        }
    }

    @Override
    public boolean isActive()
    {
        return active;
    }

    @Override
    public boolean hasWrites()
    {
        return writer;
    }

    @Override
    public void close()
    {
        rollback();
    }

    void checkActive()
    {
        if (!active) {
            throw new BasaltException(ErrorCode.NO_ACTIVE_SQL_TRANSACTION, "the transaction has already ended (committed or rolled back)");
        }
    }

    /** True when the SQL text mentions the name as a word (a conservative check for index predicates). */
    static boolean mentions(String sql, String name)
    {
        return Pattern.compile("(?<![\\p{L}\\p{N}_$])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}_$])", Pattern.CASE_INSENSITIVE).matcher(sql).find();
    }
}
