package dev.basalt.storage;

import dev.basalt.spi.batch.CloseableIterator;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.batch.SelectionVector;
import dev.basalt.spi.catalog.ColumnPredicate;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.spi.value.Values;
import dev.basalt.storage.codec.ChunkReader;
import dev.basalt.storage.codec.DictionaryFilter;
import dev.basalt.storage.column.PhysicalKind;
import dev.basalt.storage.format.CorruptedDataException;
import dev.basalt.storage.io.RowGroupSource;
import dev.basalt.storage.io.Slice;
import dev.basalt.storage.manifest.ChunkEntry;
import dev.basalt.storage.manifest.ColumnEntry;
import dev.basalt.storage.manifest.FileNames;
import dev.basalt.storage.manifest.IndexEntry;
import dev.basalt.storage.manifest.RowGroupEntry;
import dev.basalt.storage.manifest.TableEntry;
import dev.basalt.storage.zonemap.ZoneMapFilter;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A scan of one table snapshot. Row groups whose zone maps rule out the predicates are dropped up front;
 * the others are read one at a time: only the requested chunks, verified and decompressed once, then cut
 * into batches of at most {@link ColumnBatch#DEFAULT_ROW_COUNT} rows (never spanning row groups). Deleted rows
 * (and, with an index lookup, rows the index does not find) are left out through the batch's selection vector;
 * a slice with no live row is skipped without decoding. A column added after a row group was written reads as
 * a constant vector of its default.
 */
public final class TableScan implements CloseableIterator<ColumnBatch>
{
    private static final Field ROW_ID_FIELD = DataTypes.BIGINT.toField("$row_id", false);

    private final StorageCatalog catalog;
    private final TableEntry table;
    private final List<RowGroupEntry> selected;
    private final int rowGroupsSkipped;
    private final int[] columns;
    /** Distinct table columns to decode; {@code slots[i]} is the reader index of output column i. */
    private final int[] distinctColumns;
    private final int[] slots;
    private final Field[] fields;
    private final boolean rowIds;
    private final IndexEntry index;
    private final List<ColumnPredicate> keyPredicates;
    private final BufferAllocator allocator;
    private final ScanMetrics metrics;
    /** Drops rows by dictionary code for string predicates; null when no predicate qualifies. */
    private final DictionaryFilter dictionaryFilter;
    private int nextRowGroup;
    private RowGroupEntry rowGroup;
    /** Per distinct column: a reader, or null when the row group predates the column (read its default). */
    private ChunkReader[] readers;
    private int position;
    /** Live positions of the current row group, ascending (null = every row); {@code cursor} = next unread. */
    private int[] live;
    private int liveCount;
    private int cursor;
    private boolean released;

    /** {@code table} must be pinned by the caller; the scan unpins it when closed or exhausted. */
    TableScan(StorageCatalog catalog, TableEntry table, List<RowGroupEntry> rowGroups, List<Integer> columnOrdinals, List<ColumnPredicate> predicates,
            boolean rowIds, IndexEntry index, List<ColumnPredicate> keyPredicates, BufferAllocator allocator, ScanMetrics metrics)
    {
        this.catalog = catalog;
        this.table = table;
        this.allocator = allocator;
        this.metrics = metrics;
        this.rowIds = rowIds;
        this.index = index;
        this.keyPredicates = keyPredicates;
        TableSchema schema = table.schema();
        this.columns = new int[columnOrdinals.size()];
        this.slots = new int[columns.length];
        this.fields = new Field[columns.length];
        List<Integer> distinct = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            int column = columnOrdinals.get(i);
            columns[i] = column;
            int slot = distinct.indexOf(column);
            if (slot < 0) {
                slot = distinct.size();
                distinct.add(column);
            }
            slots[i] = slot;
            fields[i] = schema.column(column).type().toField(schema.column(column).name(), schema.column(column).nullable());
        }
        this.distinctColumns = new int[distinct.size()];
        for (int i = 0; i < distinctColumns.length; i++) {
            distinctColumns[i] = distinct.get(i);
        }
        this.dictionaryFilter = DictionaryFilter.create(schema, distinctColumns, predicates);
        List<RowGroupEntry> kept = new ArrayList<>(rowGroups.size());
        for (RowGroupEntry candidate : rowGroups) {
            // Index key predicates are exact, so they may prune too.
            if (mightMatch(table, candidate, predicates) && mightMatch(table, candidate, keyPredicates)) {
                kept.add(candidate);
            }
        }
        this.selected = kept;
        this.rowGroupsSkipped = rowGroups.size() - kept.size();
        metrics.recordSkipped(rowGroupsSkipped);
    }

    private static boolean mightMatch(TableEntry table, RowGroupEntry rowGroup, List<ColumnPredicate> predicates)
    {
        TableSchema schema = table.schema();
        for (ColumnPredicate predicate : predicates) {
            int column = predicate.column();
            if (column < 0 || column >= schema.columnCount()) {
                continue;
            }
            DataType type = schema.column(column).type();
            if (!ZoneMapFilter.mightMatch(table.zoneMap(rowGroup, column), type, predicate)) {
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
        while (true) {
            if (rowGroup != null && position < rowGroup.rowCount()) {
                if (live == null) {
                    return true;
                }
                if (cursor < liveCount) {
                    // Skip whole slices without a live row.
                    int next = live[cursor];
                    position = next - next % ColumnBatch.DEFAULT_ROW_COUNT;
                    return true;
                }
            }
            if (nextRowGroup >= selected.size()) {
                release();
                return false;
            }
            open(selected.get(nextRowGroup++));
        }
    }

    @Override
    public ColumnBatch next()
    {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        int count = Math.min(ColumnBatch.DEFAULT_ROW_COUNT, rowGroup.rowCount() - position);
        SelectionVector selection = null;
        if (live != null) {
            int end = position + count;
            int first = cursor;
            while (cursor < liveCount && live[cursor] < end) {
                cursor++;
            }
            int selectedRows = cursor - first;
            if (selectedRows < count) {
                int[] positions = new int[selectedRows];
                for (int i = 0; i < selectedRows; i++) {
                    positions[i] = live[first + i] - position;
                }
                selection = new SelectionVector(positions, selectedRows);
            }
        }
        List<FieldVector> vectors = new ArrayList<>(columns.length + 1);
        try {
            if (dictionaryFilter != null) {
                selection = dictionaryFilter.select(position, count, selection);
            }
            for (int i = 0; i < columns.length; i++) {
                FieldVector vector = (FieldVector) fields[i].createVector(allocator);
                vectors.add(vector);
                ChunkReader reader = readers[slots[i]];
                if (reader != null) {
                    reader.read(position, count, vector);
                }
                else {
                    fillDefault(vector, table.columns().get(columns[i]), count);
                }
            }
            if (rowIds) {
                BigIntVector ids = (BigIntVector) ROW_ID_FIELD.createVector(allocator);
                vectors.add(ids);
                ids.allocateNew(count);
                long base = rowGroup.fileId() << 32;
                for (int i = 0; i < count; i++) {
                    ids.set(i, base | (position + i));
                }
                ids.setValueCount(count);
            }
        }
        catch (RuntimeException e) {
            for (FieldVector vector : vectors) {
                vector.close();
            }
            throw failure(e, rowGroup, FileNames.rowGroup(rowGroup.fileId()), -1);
        }
        position += count;
        return ColumnBatch.of(vectors, count, selection);
    }

    private static void fillDefault(FieldVector vector, ColumnEntry column, int count)
    {
        vector.setInitialCapacity(count);
        vector.allocateNew();
        Object value = column.defaultValue();
        for (int i = 0; i < count; i++) {
            if (value == null) {
                Values.setNull(vector, i);
            }
            else {
                Values.write(vector, column.column().type(), i, value);
            }
        }
        vector.setValueCount(count);
    }

    private void open(RowGroupEntry entry)
    {
        rowGroup = null;
        readers = new ChunkReader[distinctColumns.length];
        position = 0;
        live = null;
        liveCount = 0;
        cursor = 0;
        String file = FileNames.rowGroup(entry.fileId());
        long bytes = 0;
        try {
            int[] deleted = entry.deletedCount() == 0 ? null : readDeletions(entry);
            int[] found = index == null ? null : IndexMaintenance.lookup(catalog, table, index, entry, keyPredicates);
            if (found != null || deleted != null) {
                live = livePositions(entry.rowCount(), found, deleted);
                liveCount = live.length;
                if (liveCount == 0) {
                    rowGroup = entry;
                    position = entry.rowCount();
                    return;
                }
            }
        }
        catch (IOException e) {
            release();
            throw new BasaltException(ErrorCode.IO_ERROR, "cannot read files of row group " + entry.fileId() + " of table \"" + table.name() + "\": " + e, e);
        }
        catch (RuntimeException e) {
            release();
            throw e;
        }
        boolean anyChunk = false;
        for (int column : distinctColumns) {
            anyChunk |= entry.chunkFor(table.columnId(column)) != null;
        }
        if (anyChunk) {
            int column = -1;
            try (RowGroupSource source = catalog.store().openFile(table.id(), file)) {
                for (int i = 0; i < distinctColumns.length; i++) {
                    column = distinctColumns[i];
                    ChunkEntry chunk = entry.chunkFor(table.columnId(column));
                    if (chunk == null) {
                        continue;
                    }
                    Slice slice = source.read(chunk.offset(), chunk.length());
                    PhysicalKind kind = PhysicalKind.of(table.schema().column(column).type());
                    readers[i] = ChunkReader.open(slice.bytes(), slice.offset(), slice.length(), kind, entry.rowCount());
                    bytes += chunk.length();
                }
            }
            catch (IOException e) {
                release();
                throw new BasaltException(ErrorCode.IO_ERROR, "cannot read file " + catalog.store().describe(table.id(), file)
                        + " of table \"" + table.name() + "\": " + e, e);
            }
            catch (RuntimeException e) {
                // A damaged row group ends the scan: never skip it silently.
                release();
                throw failure(e, entry, file, column);
            }
        }
        metrics.recordScanned(entry.rowCount(), bytes);
        rowGroup = entry;
        try {
            if (dictionaryFilter != null && !dictionaryFilter.open(readers)) {
                // No string of this group satisfies a predicate: it has nothing to return.
                position = entry.rowCount();
            }
        }
        catch (RuntimeException e) {
            release();
            throw failure(e, entry, file, -1);
        }
    }

    private int[] readDeletions(RowGroupEntry entry)
            throws IOException
    {
        String file = FileNames.deletionVector(entry.deletionFileId());
        try {
            return DeletionVectors.read(catalog, table.id(), entry);
        }
        catch (RuntimeException e) {
            throw failure(e, entry, file, -1);
        }
    }

    /** Ascending positions that the index found (all when null) and that are not deleted. */
    private static int[] livePositions(int rowCount, int[] found, int[] deleted)
    {
        if (found == null) {
            int[] result = new int[rowCount - deleted.length];
            int count = 0;
            int d = 0;
            for (int row = 0; row < rowCount; row++) {
                if (d < deleted.length && deleted[d] == row) {
                    d++;
                }
                else {
                    result[count++] = row;
                }
            }
            return result;
        }
        if (deleted == null) {
            return found;
        }
        int[] result = new int[found.length];
        int count = 0;
        int d = 0;
        for (int position : found) {
            while (d < deleted.length && deleted[d] < position) {
                d++;
            }
            if (d >= deleted.length || deleted[d] != position) {
                result[count++] = position;
            }
        }
        return java.util.Arrays.copyOf(result, count);
    }

    /** Anything but a resource error while reading stored bytes means they are not what we wrote. */
    private RuntimeException failure(RuntimeException e, RowGroupEntry entry, String file, int column)
    {
        if (e instanceof BasaltException || e instanceof OutOfMemoryException) {
            return BasaltException.wrap(e);
        }
        String path = catalog.store().describe(table.id(), file);
        String where = column >= 0 ? " (column \"" + table.schema().column(column).name() + "\")" : "";
        String detail = e instanceof CorruptedDataException ? e.getMessage() : "undecodable data: " + e;
        return new BasaltException(ErrorCode.DATA_CORRUPTED,
                "corrupted data in file " + path + " of table \"" + table.name() + "\"" + where + ": " + detail, e);
    }

    private void release()
    {
        if (!released) {
            released = true;
            readers = null;
            rowGroup = null;
            live = null;
            catalog.unpin();
        }
    }

    @Override
    public void close()
    {
        release();
    }
}
