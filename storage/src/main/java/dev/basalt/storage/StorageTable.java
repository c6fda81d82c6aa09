package dev.basalt.storage;

import dev.basalt.spi.catalog.ScanSpec;
import dev.basalt.spi.catalog.Table;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.catalog.TableStatistics;
import dev.basalt.spi.catalog.TableWriter;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.storage.manifest.TableEntry;
import org.apache.arrow.memory.BufferAllocator;

import static java.util.Objects.requireNonNull;

/** A handle on a stored table. Cheap; every call looks at the catalog's current committed state. */
public final class StorageTable implements Table
{
    private final StorageCatalog catalog;
    private final long id;
    private final TableSchema schema;

    StorageTable(StorageCatalog catalog, long id, TableSchema schema)
    {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.id = id;
        this.schema = requireNonNull(schema, "schema is null");
    }

    /** Internal table id (the directory name under tables/). */
    public long id()
    {
        return id;
    }

    @Override
    public TableSchema schema()
    {
        return schema;
    }

    @Override
    public TableStatistics statistics()
    {
        return catalog.entry(id, schema.name()).statistics();
    }

    /** Committed row groups right now. */
    public int rowGroupCount()
    {
        return catalog.entry(id, schema.name()).rowGroups().size();
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
        for (int column : spec.columns()) {
            if (column < 0 || column >= schema.columnCount()) {
                throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE,
                        "column ordinal " + column + " is out of range for table \"" + schema.name() + "\" with " + schema.columnCount() + " columns");
            }
        }
        TableEntry snapshot = catalog.pin(id, schema.name());
        try {
            return new TableScan(catalog, snapshot, snapshot.rowGroups(), spec, allocator, catalog.metrics(id));
        }
        catch (RuntimeException e) {
            catalog.unpin();
            throw e;
        }
    }

    @Override
    public TableWriter newWriter(BufferAllocator allocator)
    {
        requireNonNull(allocator, "allocator is null");
        catalog.entry(id, schema.name());
        catalog.acquireWriter(id, schema.name());
        try {
            return new StorageTableWriter(catalog, id, schema, allocator);
        }
        catch (RuntimeException e) {
            catalog.releaseWriter(id);
            throw e;
        }
    }

    @Override
    public String toString()
    {
        return "StorageTable{" + schema.name() + ", id " + id + "}";
    }
}
