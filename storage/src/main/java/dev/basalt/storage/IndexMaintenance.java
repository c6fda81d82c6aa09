package dev.basalt.storage;

import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.ColumnPredicate;
import dev.basalt.spi.catalog.IndexDefinition;
import dev.basalt.spi.catalog.RowFilter;
import dev.basalt.spi.catalog.RowFilterCompiler;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.storage.index.RowGroupIndex;
import dev.basalt.storage.index.RowGroupIndexBuilder;
import dev.basalt.storage.index.UniqueKeyCheck;
import dev.basalt.storage.manifest.FileNames;
import dev.basalt.storage.manifest.IndexEntry;
import dev.basalt.storage.manifest.RowGroupEntry;
import dev.basalt.storage.manifest.TableEntry;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * Keeps index files in step with row groups: one {@code idx-<index id>-<row group file id>.bsi} (built by
 * {@link RowGroupIndexBuilder}) per index of the table and row group, written together with the row group
 * (append, tail merge, compaction) or for all row groups at CREATE INDEX / REINDEX. Index files cover every
 * physical row of their row group that the index predicate selects; deleted rows are subtracted at lookup.
 */
final class IndexMaintenance
{
    private IndexMaintenance() {}

    /** The compiled predicate of a partial index, or null; 0A000 when the catalog has no compiler. */
    static RowFilter filter(StorageCatalog catalog, TableEntry table, IndexDefinition index)
    {
        if (index.predicate().isEmpty()) {
            return null;
        }
        Optional<RowFilterCompiler> compiler = catalog.options().rowFilterCompiler();
        if (compiler.isEmpty()) {
            throw new BasaltException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "partial index \"" + index.name() + "\" needs a predicate compiler, and this database was opened without one (indexes without WHERE work)");
        }
        return compiler.get().compile(table.schema(), index.predicate().get());
    }

    /** Fails early (before any file is written) for a predicate that does not compile or an unindexable key type. */
    static void checkBuildable(StorageCatalog catalog, TableEntry table, IndexEntry index)
    {
        new RowGroupIndexBuilder(index.definition(), table.schema(), filter(catalog, table, index.definition()));
    }

    static void buildAll(StorageTransaction transaction, TableEntry table, IndexEntry index, List<RowGroupEntry> rowGroups)
    {
        if (rowGroups.isEmpty()) {
            return;
        }
        try (RootAllocator allocator = new RootAllocator()) {
            for (RowGroupEntry rowGroup : rowGroups) {
                build(transaction, table, index, rowGroup, allocator);
            }
        }
    }

    /** Writes the index file of one row group. */
    static void build(StorageTransaction transaction, TableEntry table, IndexEntry index, RowGroupEntry rowGroup, BufferAllocator allocator)
    {
        build(transaction, table, List.of(index), rowGroup, allocator);
    }

    /** Writes the index files of one row group for several indexes, reading the row group once. */
    static void build(StorageTransaction transaction, TableEntry table, List<IndexEntry> indexes, RowGroupEntry rowGroup, BufferAllocator allocator)
    {
        if (indexes.isEmpty()) {
            return;
        }
        StorageCatalog catalog = transaction.catalog();
        RowGroupIndexBuilder[] builders = new RowGroupIndexBuilder[indexes.size()];
        for (int i = 0; i < builders.length; i++) {
            IndexDefinition definition = indexes.get(i).definition();
            builders[i] = new RowGroupIndexBuilder(definition, table.schema(), filter(catalog, table, definition));
        }
        // Every physical row must take its position, so read the row group as if nothing were deleted.
        RowGroupEntry allRows = rowGroup.withDeletions(0, 0);
        try (TableScan scan = Scans.all(catalog, table, List.of(allRows), allocator)) {
            while (scan.hasNext()) {
                try (ColumnBatch batch = scan.next()) {
                    for (RowGroupIndexBuilder builder : builders) {
                        builder.appendPhysical(batch);
                    }
                }
            }
        }
        for (int i = 0; i < builders.length; i++) {
            byte[] bytes = builders[i].finish();
            String file = FileNames.index(indexes.get(i).id(), rowGroup.fileId());
            transaction.addCreated(table.id(), file);
            try {
                catalog.store().writeFile(table.id(), file, bytes, bytes.length);
            }
            catch (IOException e) {
                throw new BasaltException(ErrorCode.IO_ERROR, "cannot write " + catalog.store().describe(table.id(), file) + " of table \"" + table.name() + "\": " + e, e);
            }
        }
    }

    /** 23505 when two live rows covered by a (just built) unique index have the same key. */
    static void checkUnique(StorageTransaction transaction, TableEntry table, IndexEntry index)
    {
        StorageCatalog catalog = transaction.catalog();
        List<UniqueKeyCheck.Part> parts = new ArrayList<>();
        for (RowGroupEntry rowGroup : table.rowGroups()) {
            int[] deleted = DeletionVectors.readChecked(catalog, table.id(), table.name(), rowGroup);
            IntPredicate isDeleted = deleted.length == 0 ? UniqueKeyCheck.NONE_DELETED : position -> Arrays.binarySearch(deleted, position) >= 0;
            parts.add(new UniqueKeyCheck.Part(open(catalog, table, index, rowGroup), isDeleted));
        }
        Optional<UniqueKeyCheck.Duplicate> duplicate = UniqueKeyCheck.find(List.of(), parts);
        if (duplicate.isPresent()) {
            BasaltException violation = duplicate.get().toException();
            throw new BasaltException(ErrorCode.UNIQUE_VIOLATION, "could not create unique index \"" + index.name() + "\": " + violation.getMessage());
        }
    }

    static RowGroupIndex open(StorageCatalog catalog, TableEntry table, IndexEntry index, RowGroupEntry rowGroup)
    {
        String file = FileNames.index(index.id(), rowGroup.fileId());
        String path = catalog.store().describe(table.id(), file);
        try {
            return catalog.indexCache().get(path, index.definition(), table.schema(), () -> catalog.store().readFile(table.id(), file));
        }
        catch (IOException e) {
            throw new BasaltException(ErrorCode.IO_ERROR, "cannot read file " + path + " of table \"" + table.name() + "\": " + e, e);
        }
        catch (BasaltException e) {
            throw e;
        }
        catch (RuntimeException e) {
            throw new BasaltException(ErrorCode.DATA_CORRUPTED,
                    "corrupted data in file " + path + " (index \"" + index.name() + "\" of table \"" + table.name() + "\"): " + e.getMessage(), e);
        }
    }

    /** Ascending positions of the covered rows of a row group whose keys satisfy every predicate (deleted rows included). */
    static int[] lookup(StorageCatalog catalog, TableEntry table, IndexEntry index, RowGroupEntry rowGroup, List<ColumnPredicate> keyPredicates)
    {
        RowGroupIndex rowGroupIndex = open(catalog, table, index, rowGroup);
        int[] positions = new int[rowGroupIndex.entryCount()];
        int count = rowGroupIndex.lookup(keyPredicates, positions);
        return Arrays.copyOf(positions, count);
    }
}
