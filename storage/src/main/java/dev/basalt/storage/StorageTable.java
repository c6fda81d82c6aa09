package dev.basalt.storage;

import dev.basalt.spi.catalog.ColumnPredicate;
import dev.basalt.spi.catalog.IndexLookup;
import dev.basalt.spi.catalog.ScanSpec;
import dev.basalt.spi.catalog.ScanSplit;
import dev.basalt.spi.catalog.Table;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.catalog.TableStatistics;
import dev.basalt.spi.catalog.TableWriter;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.storage.manifest.IndexEntry;
import dev.basalt.storage.manifest.Manifest;
import dev.basalt.storage.manifest.RowGroupEntry;
import dev.basalt.storage.manifest.TableEntry;
import org.apache.arrow.memory.BufferAllocator;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A handle on a stored table, cheap. A handle of the catalog looks at the latest committed state on every call
 * (each scan reads the snapshot current when it starts; each writer is its own transaction); a handle of a
 * transaction sees that transaction's snapshot plus its changes (once the transaction ended, the latest
 * committed state).
 */
public final class StorageTable implements Table
{
    private final StorageCatalog catalog;
    private final StorageTransaction transaction;
    private final long id;
    private final TableSchema schema;

    StorageTable(StorageCatalog catalog, StorageTransaction transaction, long id, TableSchema schema)
    {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.transaction = transaction;
        this.id = id;
        this.schema = requireNonNull(schema, "schema is null");
    }

    /** Internal table id (the directory name under tables/). */
    public long id()
    {
        return id;
    }

    private Manifest manifest()
    {
        if (transaction != null && transaction.isActive()) {
            return transaction.working();
        }
        return catalog.current();
    }

    private TableEntry entry()
    {
        return manifest().table(id)
                .orElseThrow(() -> new BasaltException(ErrorCode.UNDEFINED_TABLE, "table \"" + schema.name() + "\" does not exist"));
    }

    /** The schema as of now (after ALTER TABLE), or as the handle was made when the table is gone. */
    @Override
    public TableSchema schema()
    {
        return manifest().table(id).map(TableEntry::schema).orElse(schema);
    }

    @Override
    public TableStatistics statistics()
    {
        return entry().statistics();
    }

    /** Row groups right now. */
    public int rowGroupCount()
    {
        return entry().rowGroups().size();
    }

    /** Scan counters of this table (shared by every handle on it). */
    public ScanMetrics metrics()
    {
        return catalog.metrics(id);
    }

    @Override
    public TableScan scan(ScanSpec spec, BufferAllocator allocator)
    {
        requireNonNull(spec, "spec is null");
        requireNonNull(allocator, "allocator is null");
        Manifest snapshot;
        if (transaction != null && transaction.isActive()) {
            // The transaction pins its snapshot and its own files; the scan pins again so closing it is uniform.
            snapshot = transaction.working();
            catalog.pinFiles();
        }
        else {
            snapshot = catalog.pinCurrent();
        }
        try {
            TableEntry entry = snapshot.table(id)
                    .orElseThrow(() -> new BasaltException(ErrorCode.UNDEFINED_TABLE, "table \"" + schema.name() + "\" does not exist"));
            int columnCount = entry.schema().columnCount();
            for (int column : spec.columns()) {
                checkOrdinal(entry, column, columnCount);
            }
            IndexEntry index = null;
            List<ColumnPredicate> keyPredicates = List.of();
            if (spec.index().isPresent()) {
                IndexLookup lookup = spec.index().get();
                index = snapshot.index(lookup.indexName())
                        .orElseThrow(() -> new BasaltException(ErrorCode.UNDEFINED_OBJECT, "index \"" + lookup.indexName() + "\" does not exist"));
                if (index.tableId() != id) {
                    throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE,
                            "index \"" + lookup.indexName() + "\" is not an index of table \"" + entry.name() + "\"");
                }
                for (ColumnPredicate predicate : lookup.keyPredicates()) {
                    checkOrdinal(entry, predicate.column(), columnCount);
                    if (!index.definition().columns().contains(entry.schema().column(predicate.column()).name())) {
                        throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE,
                                "column \"" + entry.schema().column(predicate.column()).name() + "\" is not a key of index \"" + lookup.indexName() + "\"");
                    }
                }
                keyPredicates = lookup.keyPredicates();
            }
            return new TableScan(catalog, entry, splitOf(entry.rowGroups(), spec.split()), spec.columns(), spec.predicates(), spec.rowIds(), index, keyPredicates,
                    allocator, catalog.metrics(id));
        }
        catch (RuntimeException e) {
            catalog.unpin();
            throw e;
        }
    }

    /** The row groups of one split, by ordinal in the snapshot (before pruning, so the splits stay disjoint and complete). */
    private static List<RowGroupEntry> splitOf(List<RowGroupEntry> rowGroups, ScanSplit split)
    {
        if (split.count() == 1) {
            return rowGroups;
        }
        List<RowGroupEntry> part = new ArrayList<>(rowGroups.size() / split.count() + 1);
        for (int i = split.index(); i < rowGroups.size(); i += split.count()) {
            part.add(rowGroups.get(i));
        }
        return part;
    }

    private static void checkOrdinal(TableEntry entry, int column, int columnCount)
    {
        if (column < 0 || column >= columnCount) {
            throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "column ordinal " + column + " is out of range for table \"" + entry.name() + "\" with " + columnCount + " columns");
        }
    }

    @Override
    public TableWriter newWriter(BufferAllocator allocator)
    {
        requireNonNull(allocator, "allocator is null");
        if (transaction != null && transaction.isActive()) {
            TableEntry entry = transaction.tableForWrite(id, schema.name());
            return new StorageTableWriter(transaction, false, entry, allocator);
        }
        StorageTransaction own = StorageTransaction.autocommit(catalog);
        try {
            TableEntry entry = own.tableForWrite(id, schema.name());
            return new StorageTableWriter(own, true, entry, allocator);
        }
        catch (RuntimeException e) {
            own.rollback();
            throw e;
        }
    }

    @Override
    public String toString()
    {
        return "StorageTable{" + schema.name() + ", id " + id + "}";
    }
}
