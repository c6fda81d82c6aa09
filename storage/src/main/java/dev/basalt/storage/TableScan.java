package dev.basalt.storage;

import dev.basalt.spi.batch.CloseableIterator;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.ColumnPredicate;
import dev.basalt.spi.catalog.ScanSpec;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataType;
import dev.basalt.storage.codec.ChunkReader;
import dev.basalt.storage.column.PhysicalKind;
import dev.basalt.storage.format.CorruptedDataException;
import dev.basalt.storage.io.RowGroupSource;
import dev.basalt.storage.io.Slice;
import dev.basalt.storage.manifest.ChunkEntry;
import dev.basalt.storage.manifest.RowGroupEntry;
import dev.basalt.storage.manifest.TableEntry;
import dev.basalt.storage.zonemap.ZoneMapFilter;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A scan of one table snapshot. Row groups whose zone maps rule out the predicates are dropped up front;
 * the others are read one at a time: only the requested chunks, verified and decompressed once, then cut
 * into batches of at most {@link ColumnBatch#DEFAULT_ROW_COUNT} rows (never spanning row groups).
 */
public final class TableScan implements CloseableIterator<ColumnBatch>
{
    private final StorageCatalog catalog;
    private final TableEntry table;
    private final List<RowGroupEntry> selected;
    private final int rowGroupsSkipped;
    private final int[] columns;
    /** Distinct table columns to decode; {@code slots[i]} is the reader index of output column i. */
    private final int[] distinctColumns;
    private final int[] slots;
    private final Field[] fields;
    private final BufferAllocator allocator;
    private final ScanMetrics metrics;
    private int nextRowGroup;
    private RowGroupEntry rowGroup;
    private ChunkReader[] readers;
    private int position;
    private boolean released;

    /** {@code table} must be pinned by the caller; the scan unpins it when closed or exhausted. */
    TableScan(StorageCatalog catalog, TableEntry table, List<RowGroupEntry> rowGroups, ScanSpec spec, BufferAllocator allocator, ScanMetrics metrics)
    {
        this.catalog = catalog;
        this.table = table;
        this.allocator = allocator;
        this.metrics = metrics;
        TableSchema schema = table.schema();
        this.columns = new int[spec.columns().size()];
        this.slots = new int[columns.length];
        this.fields = new Field[columns.length];
        List<Integer> distinct = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            int column = spec.columns().get(i);
            columns[i] = column;
            int slot = distinct.indexOf(column);
            if (slot < 0) {
                slot = distinct.size();
                distinct.add(column);
            }
            slots[i] = slot;
            fields[i] = schema.column(column).type().toField(schema.column(column).name(), schema.column(column).nullable());
        }
        this.distinctColumns = distinct.stream().mapToInt(Integer::intValue).toArray();
        List<RowGroupEntry> kept = new ArrayList<>(rowGroups.size());
        for (RowGroupEntry candidate : rowGroups) {
            if (mightMatch(schema, candidate, spec.predicates())) {
                kept.add(candidate);
            }
        }
        this.selected = kept;
        this.rowGroupsSkipped = rowGroups.size() - kept.size();
        metrics.recordSkipped(rowGroupsSkipped);
    }

    private static boolean mightMatch(TableSchema schema, RowGroupEntry rowGroup, List<ColumnPredicate> predicates)
    {
        for (ColumnPredicate predicate : predicates) {
            int column = predicate.column();
            if (column < 0 || column >= schema.columnCount()) {
                continue;
            }
            DataType type = schema.column(column).type();
            if (!ZoneMapFilter.mightMatch(rowGroup.chunk(column).zoneMap(), type, predicate)) {
                return false;
            }
        }
        return true;
    }

    /** Row groups this scan reads (after pruning). */
    public int rowGroupsSelected()
    {
        return selected.size();
    }

    /** Row groups this scan skipped thanks to zone maps. */
    public int rowGroupsSkipped()
    {
        return rowGroupsSkipped;
    }

    @Override
    public boolean hasNext()
    {
        if (released) {
            return false;
        }
        while (rowGroup == null || position >= rowGroup.rowCount()) {
            if (nextRowGroup >= selected.size()) {
                release();
                return false;
            }
            open(selected.get(nextRowGroup++));
        }
        return true;
    }

    @Override
    public ColumnBatch next()
    {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        int count = Math.min(ColumnBatch.DEFAULT_ROW_COUNT, rowGroup.rowCount() - position);
        List<FieldVector> vectors = new ArrayList<>(columns.length);
        try {
            for (int i = 0; i < columns.length; i++) {
                FieldVector vector = (FieldVector) fields[i].createVector(allocator);
                vectors.add(vector);
                readers[slots[i]].read(position, count, vector);
            }
        }
        catch (RuntimeException e) {
            for (FieldVector vector : vectors) {
                vector.close();
            }
            throw failure(e, rowGroup, -1);
        }
        position += count;
        return ColumnBatch.of(vectors, count);
    }

    private void open(RowGroupEntry entry)
    {
        rowGroup = null;
        readers = new ChunkReader[distinctColumns.length];
        position = 0;
        long bytes = 0;
        if (distinctColumns.length > 0) {
            int column = -1;
            try (RowGroupSource source = catalog.store().openRowGroup(table.id(), entry.fileId())) {
                for (int i = 0; i < distinctColumns.length; i++) {
                    column = distinctColumns[i];
                    ChunkEntry chunk = entry.chunk(column);
                    Slice slice = source.read(chunk.offset(), chunk.length());
                    PhysicalKind kind = PhysicalKind.of(table.schema().column(column).type());
                    readers[i] = ChunkReader.open(slice.bytes(), slice.offset(), slice.length(), kind, entry.rowCount());
                    bytes += chunk.length();
                }
            }
            catch (IOException e) {
                release();
                throw new BasaltException(ErrorCode.IO_ERROR, "cannot read file " + catalog.store().describe(table.id(), entry.fileId())
                        + " of table \"" + table.name() + "\": " + e, e);
            }
            catch (RuntimeException e) {
                // A damaged row group ends the scan: never skip it silently.
                release();
                throw failure(e, entry, column);
            }
        }
        metrics.recordScanned(entry.rowCount(), bytes);
        rowGroup = entry;
    }

    /** Anything but a resource error while reading stored bytes means they are not what we wrote. */
    private RuntimeException failure(RuntimeException e, RowGroupEntry entry, int column)
    {
        if (e instanceof BasaltException || e instanceof OutOfMemoryException) {
            return BasaltException.wrap(e);
        }
        String file = catalog.store().describe(table.id(), entry.fileId());
        String where = column >= 0 ? " (column \"" + table.schema().column(column).name() + "\")" : "";
        String detail = e instanceof CorruptedDataException ? e.getMessage() : "undecodable data: " + e;
        return new BasaltException(ErrorCode.DATA_CORRUPTED,
                "corrupted data in file " + file + " of table \"" + table.name() + "\"" + where + ": " + detail, e);
    }

    private void release()
    {
        if (!released) {
            released = true;
            readers = null;
            rowGroup = null;
            catalog.unpin();
        }
    }

    @Override
    public void close()
    {
        release();
    }
}
