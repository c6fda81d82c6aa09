package dev.basalt.storage;

import dev.basalt.storage.manifest.RowGroupEntry;
import dev.basalt.storage.manifest.TableEntry;
import org.apache.arrow.memory.BufferAllocator;

import java.util.ArrayList;
import java.util.List;

/** Internal scans (merging, compaction, index builds) of row groups a transaction already pins. */
final class Scans
{
    private Scans() {}

    /** Every column of the table, deleted rows left out (by selection), over the given row groups. */
    static TableScan all(StorageCatalog catalog, TableEntry table, List<RowGroupEntry> rowGroups, BufferAllocator allocator)
    {
        List<Integer> columns = new ArrayList<>(table.columns().size());
        for (int i = 0; i < table.columns().size(); i++) {
            columns.add(i);
        }
        catalog.pinFiles();
        try {
            return new TableScan(catalog, table, rowGroups, columns, List.of(), false, null, List.of(), allocator, new ScanMetrics());
        }
        catch (RuntimeException e) {
            catalog.unpin();
            throw e;
        }
    }
}
