package dev.basalt.storage;

import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.storage.column.ColumnBuffer;
import dev.basalt.storage.column.PhysicalKind;
import dev.basalt.storage.manifest.RowGroupEntry;
import dev.basalt.storage.manifest.TableEntry;
import org.apache.arrow.memory.RootAllocator;

import java.util.ArrayList;
import java.util.List;

/**
 * CHECKPOINT / VACUUM of one table inside a transaction: every maximal run of adjacent row groups that have
 * deleted rows or are small (under half the target size) is read (deleted rows left out, added columns
 * materialized, dropped columns gone) and rewritten as full row groups with fresh index files, in place of the
 * run, so row order is kept. The replaced files are deleted after the commit once no snapshot pins them.
 */
final class Compaction
{
    private Compaction() {}

    private static boolean candidate(RowGroupEntry rowGroup, int rowGroupSize)
    {
        return rowGroup.deletedCount() > 0 || rowGroup.rowCount() < rowGroupSize / 2;
    }

    static boolean needed(TableEntry table, StorageOptions options)
    {
        List<RowGroupEntry> rowGroups = table.rowGroups();
        for (int i = 0; i < rowGroups.size(); i++) {
            RowGroupEntry rowGroup = rowGroups.get(i);
            if (rowGroup.deletedCount() > 0) {
                return true;
            }
            if (candidate(rowGroup, options.rowGroupSize()) && i + 1 < rowGroups.size() && candidate(rowGroups.get(i + 1), options.rowGroupSize())) {
                return true;
            }
        }
        return false;
    }

    static void run(StorageTransaction transaction, TableEntry table)
    {
        int rowGroupSize = transaction.catalog().options().rowGroupSize();
        List<RowGroupEntry> rowGroups = table.rowGroups();
        List<RowGroupEntry> result = new ArrayList<>(rowGroups.size());
        try (RootAllocator allocator = new RootAllocator()) {
            RowGroupWriter writer = new RowGroupWriter(transaction, allocator);
            int i = 0;
            while (i < rowGroups.size()) {
                if (!candidate(rowGroups.get(i), rowGroupSize)) {
                    result.add(rowGroups.get(i++));
                    continue;
                }
                int end = i;
                while (end < rowGroups.size() && candidate(rowGroups.get(end), rowGroupSize)) {
                    end++;
                }
                List<RowGroupEntry> run = rowGroups.subList(i, end);
                if (run.size() == 1 && run.getFirst().deletedCount() == 0) {
                    result.add(run.getFirst());
                }
                else {
                    result.addAll(rewrite(transaction, writer, table, run, allocator, rowGroupSize));
                }
                i = end;
            }
        }
        transaction.replaceTable(table.withRowGroups(result));
    }

    private static List<RowGroupEntry> rewrite(StorageTransaction transaction, RowGroupWriter writer, TableEntry table, List<RowGroupEntry> run,
            RootAllocator allocator, int rowGroupSize)
    {
        List<RowGroupEntry> written = new ArrayList<>();
        ColumnBuffer[] buffers = newBuffers(table, Math.min(rowGroupSize, 1024));
        int buffered = 0;
        try (TableScan scan = Scans.all(transaction.catalog(), table, run, allocator)) {
            while (scan.hasNext()) {
                try (ColumnBatch batch = scan.next()) {
                    int from = 0;
                    int remaining = batch.rowCount();
                    while (remaining > 0) {
                        int take = Math.min(remaining, rowGroupSize - buffered);
                        for (int column = 0; column < buffers.length; column++) {
                            buffers[column].append(batch.column(column), batch.selection(), from, take);
                        }
                        buffered += take;
                        from += take;
                        remaining -= take;
                        if (buffered == rowGroupSize) {
                            written.add(writer.write(table, buffers, buffered));
                            for (ColumnBuffer buffer : buffers) {
                                buffer.clear();
                            }
                            buffered = 0;
                        }
                    }
                }
            }
        }
        if (buffered > 0) {
            written.add(writer.write(table, buffers, buffered));
        }
        return written;
    }

    private static ColumnBuffer[] newBuffers(TableEntry table, int capacity)
    {
        ColumnBuffer[] buffers = new ColumnBuffer[table.columns().size()];
        for (int i = 0; i < buffers.length; i++) {
            buffers[i] = new ColumnBuffer(PhysicalKind.of(table.columns().get(i).column().type()), capacity);
        }
        return buffers;
    }
}
