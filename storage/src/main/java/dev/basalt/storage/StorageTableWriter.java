package dev.basalt.storage;

import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.batch.SelectionVector;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.ScanSpec;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.catalog.TableWriter;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.storage.column.ColumnBuffer;
import dev.basalt.storage.column.PhysicalKind;
import dev.basalt.storage.manifest.ChunkEntry;
import dev.basalt.storage.manifest.RowGroupEntry;
import dev.basalt.storage.manifest.TableEntry;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.Types;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Appends rows to a table. Rows are copied into heap column buffers; every full row group is encoded and
 * written to its own new file right away (so memory stays bounded), but only {@link #commit()} publishes
 * the files in a new manifest. Closing without a commit deletes them.
 *
 * <p>Small commits (single-row INSERTs) would leave many tiny row groups. So a commit that writes a partial
 * row group merges it with the table's small trailing row groups when they are not much bigger (sizes grow
 * geometrically, so each row is rewritten O(log n) times), replacing them in the same manifest swap.
 */
public final class StorageTableWriter implements TableWriter
{
    private final StorageCatalog catalog;
    private final long tableId;
    private final TableSchema schema;
    private final List<DataType> types;
    private final BufferAllocator allocator;
    private final int rowGroupSize;
    private ColumnBuffer[] buffers;
    private int buffered;
    private final List<RowGroupEntry> written = new ArrayList<>();
    private long appended;
    private RowGroupEncoder encoder;
    private boolean closed;
    private boolean failed;

    StorageTableWriter(StorageCatalog catalog, long tableId, TableSchema schema, BufferAllocator allocator)
    {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.tableId = tableId;
        this.schema = requireNonNull(schema, "schema is null");
        this.types = schema.types();
        this.allocator = requireNonNull(allocator, "allocator is null");
        this.rowGroupSize = catalog.options().rowGroupSize();
        this.buffers = newBuffers(Math.min(rowGroupSize, 64));
    }

    private ColumnBuffer[] newBuffers(int capacity)
    {
        ColumnBuffer[] result = new ColumnBuffer[types.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = new ColumnBuffer(PhysicalKind.of(types.get(i)), capacity);
        }
        return result;
    }

    @Override
    public void append(ColumnBatch batch)
    {
        checkUsable();
        requireNonNull(batch, "batch is null");
        validate(batch);
        SelectionVector selection = batch.selection();
        int remaining = batch.rowCount();
        int from = 0;
        try {
            while (remaining > 0) {
                int take = Math.min(remaining, rowGroupSize - buffered);
                for (int column = 0; column < buffers.length; column++) {
                    buffers[column].append(batch.column(column), selection, from, take);
                }
                buffered += take;
                appended += take;
                from += take;
                remaining -= take;
                if (buffered == rowGroupSize) {
                    flush();
                }
            }
        }
        catch (RuntimeException e) {
            failed = true;
            throw BasaltException.wrap(e);
        }
    }

    private void validate(ColumnBatch batch)
    {
        if (batch.columnCount() != schema.columnCount()) {
            throw new BasaltException(ErrorCode.DATATYPE_MISMATCH,
                    "table \"" + schema.name() + "\" has " + schema.columnCount() + " columns, the rows to insert have " + batch.columnCount());
        }
        for (int i = 0; i < schema.columnCount(); i++) {
            Column column = schema.column(i);
            FieldVector vector = batch.column(i);
            if (!fits(vector, column.type())) {
                throw new BasaltException(ErrorCode.DATATYPE_MISMATCH,
                        "column \"" + column.name() + "\" of table \"" + schema.name() + "\" is " + column.type().sqlName()
                                + " but the value to insert is " + vector.getField().getType());
            }
            if (!column.nullable() && hasLiveNull(vector, batch)) {
                throw new BasaltException(ErrorCode.NOT_NULL_VIOLATION,
                        "null value in column \"" + column.name() + "\" of table \"" + schema.name() + "\" violates not-null constraint");
            }
        }
    }

    private static boolean fits(FieldVector vector, DataType type)
    {
        if (vector.getMinorType() != Types.getMinorTypeForArrowType(type.arrowType())) {
            return false;
        }
        return !(type instanceof DecimalType decimal) || decimal.isShort() || ((DecimalVector) vector).getScale() == decimal.scale();
    }

    private static boolean hasLiveNull(FieldVector vector, ColumnBatch batch)
    {
        if (vector.getNullCount() == 0) {
            return false;
        }
        int rows = batch.rowCount();
        for (int i = 0; i < rows; i++) {
            if (vector.isNull(batch.position(i))) {
                return true;
            }
        }
        return false;
    }

    /** Encodes the buffered rows as one row group and writes its file. */
    private void flush()
    {
        if (encoder == null) {
            encoder = new RowGroupEncoder(catalog.options());
        }
        List<ChunkEntry> chunks = encoder.encode(buffers, types, buffered);
        long fileId = catalog.allocateFileId();
        try {
            catalog.store().writeRowGroup(tableId, fileId, encoder.bytes(), encoder.length());
        }
        catch (IOException e) {
            throw new BasaltException(ErrorCode.IO_ERROR,
                    "cannot write " + catalog.store().describe(tableId, fileId) + " of table \"" + schema.name() + "\": " + e, e);
        }
        written.add(new RowGroupEntry(fileId, buffered, chunks));
        for (ColumnBuffer buffer : buffers) {
            buffer.clear();
        }
        buffered = 0;
    }

    @Override
    public long commit()
    {
        checkUsable();
        if (appended == 0) {
            return 0;
        }
        try {
            List<Long> replaced = new ArrayList<>();
            if (buffered > 0) {
                if (written.isEmpty()) {
                    mergeTail(replaced);
                }
                flush();
            }
            catalog.store().syncTable(tableId);
            catalog.commitRowGroups(tableId, schema.name(), replaced, written);
        }
        catch (IOException e) {
            failed = true;
            throw new BasaltException(ErrorCode.IO_ERROR, "cannot commit to table \"" + schema.name() + "\": " + e, e);
        }
        catch (RuntimeException e) {
            failed = true;
            throw BasaltException.wrap(e);
        }
        written.clear();
        long committed = appended;
        appended = 0;
        return committed;
    }

    /**
     * Folds the table's small trailing row groups into the buffered rows when they are at most twice as
     * big as what is merged so far and everything fits one row group.
     */
    private void mergeTail(List<Long> replaced)
    {
        if (buffers.length == 0) {
            return;
        }
        TableEntry current = catalog.entry(tableId, schema.name());
        List<RowGroupEntry> rowGroups = current.rowGroups();
        long merged = buffered;
        int first = rowGroups.size();
        while (first > 0) {
            RowGroupEntry candidate = rowGroups.get(first - 1);
            if (candidate.rowCount() + merged > rowGroupSize || candidate.rowCount() > 2 * merged) {
                break;
            }
            merged += candidate.rowCount();
            first--;
        }
        if (first == rowGroups.size()) {
            return;
        }
        List<RowGroupEntry> tail = rowGroups.subList(first, rowGroups.size());
        ColumnBuffer[] combined = newBuffers((int) merged);
        catalog.pinFiles();
        TableScan tailScan;
        try {
            tailScan = new TableScan(catalog, current, tail, ScanSpec.allColumns(schema), allocator, new ScanMetrics());
        }
        catch (RuntimeException e) {
            catalog.unpin();
            throw e;
        }
        try (TableScan scan = tailScan) {
            while (scan.hasNext()) {
                try (ColumnBatch batch = scan.next()) {
                    for (int column = 0; column < combined.length; column++) {
                        combined[column].append(batch.column(column), null, 0, batch.rowCount());
                    }
                }
            }
        }
        for (int column = 0; column < combined.length; column++) {
            combined[column].appendAll(buffers[column]);
        }
        buffers = combined;
        buffered = (int) merged;
        for (RowGroupEntry rowGroup : tail) {
            replaced.add(rowGroup.fileId());
        }
    }

    private void checkUsable()
    {
        if (closed) {
            throw new BasaltException(ErrorCode.INVALID_TRANSACTION_STATE, "writer of table \"" + schema.name() + "\" is closed");
        }
        if (failed) {
            throw new BasaltException(ErrorCode.INVALID_TRANSACTION_STATE, "writer of table \"" + schema.name() + "\" failed earlier; close it and start over");
        }
    }

    @Override
    public void close()
    {
        if (closed) {
            return;
        }
        closed = true;
        try {
            for (RowGroupEntry rowGroup : written) {
                catalog.store().deleteRowGroup(tableId, rowGroup.fileId());
            }
            written.clear();
            buffers = new ColumnBuffer[0];
        }
        finally {
            catalog.releaseWriter(tableId);
        }
    }
}
