package dev.basalt.storage;

import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.batch.SelectionVector;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.catalog.TableWriter;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.storage.column.ColumnBuffer;
import dev.basalt.storage.column.PhysicalKind;
import dev.basalt.storage.manifest.IndexEntry;
import dev.basalt.storage.manifest.RowGroupEntry;
import dev.basalt.storage.manifest.TableEntry;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.Types;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Appends and deletes rows of a table within a transaction (its own one when it came from a table of the
 * catalog: then {@link #commit()} commits that transaction). Rows are copied into heap column buffers; every
 * full row group is encoded and written to its own new file right away (so memory stays bounded), but only the
 * transaction's commit publishes the files. Deletes are collected as row-group positions and written as new
 * deletion vectors at {@link #commit()}.
 *
 * <p>Small commits (single-row INSERTs) would leave many tiny row groups. So a commit that writes a partial
 * row group merges it with the table's small trailing row groups when they are not much bigger (sizes grow
 * geometrically, so each row is rewritten O(log n) times), replacing them in the same manifest.
 */
public final class StorageTableWriter implements TableWriter
{
    private StorageTransaction transaction;
    private final boolean ownsTransaction;
    private final long tableId;
    private final String tableName;
    private final List<Long> columnIds;
    private final TableSchema schema;
    private final List<DataType> types;
    private final BufferAllocator allocator;
    private final int rowGroupSize;
    private RowGroupWriter rowGroupWriter;
    private ColumnBuffer[] buffers;
    private int buffered;
    private final List<RowGroupEntry> written = new ArrayList<>();
    /** The indexes each written row group got files for (an index created since then still needs its files). */
    private final List<List<IndexEntry>> writtenIndexes = new ArrayList<>();
    private final Map<Long, BitSet> deletes = new HashMap<>();
    private long appended;
    private boolean closed;
    private boolean failed;

    StorageTableWriter(StorageTransaction transaction, boolean ownsTransaction, TableEntry table, BufferAllocator allocator)
    {
        this.transaction = requireNonNull(transaction, "transaction is null");
        this.ownsTransaction = ownsTransaction;
        this.tableId = table.id();
        this.tableName = table.name();
        this.columnIds = table.columnIds();
        this.schema = table.schema();
        this.types = schema.types();
        this.allocator = requireNonNull(allocator, "allocator is null");
        this.rowGroupSize = transaction.catalog().options().rowGroupSize();
        this.rowGroupWriter = new RowGroupWriter(transaction, allocator);
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
                    flush(currentTable());
                }
            }
        }
        catch (RuntimeException e) {
            failed = true;
            throw BasaltException.wrap(e);
        }
    }

    @Override
    public void delete(long[] rowIds, int count)
    {
        checkUsable();
        requireNonNull(rowIds, "rowIds is null");
        if (count < 0 || count > rowIds.length) {
            throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE, "row id count " + count + " is out of range 0.." + rowIds.length);
        }
        long lastFile = -1;
        BitSet positions = null;
        for (int i = 0; i < count; i++) {
            long rowId = rowIds[i];
            long fileId = rowId >>> 32;
            if (fileId != lastFile) {
                positions = deletes.computeIfAbsent(fileId, id -> new BitSet());
                lastFile = fileId;
            }
            int position = (int) rowId;
            if (position < 0 || fileId == 0) {
                throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE, "invalid row id " + rowId + " for table \"" + tableName + "\"");
            }
            positions.set(position);
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

    /** The table in the transaction (taking its writer permit), checked to still have the columns this writer writes. */
    private TableEntry currentTable()
    {
        if (ownsTransaction && !transaction.isActive()) {
            // A writer of the catalog's table may commit several times: each commit is its own transaction.
            transaction = StorageTransaction.autocommit(transaction.catalog());
            rowGroupWriter = new RowGroupWriter(transaction, allocator);
        }
        TableEntry table = transaction.tableForWrite(tableId, tableName);
        if (!table.columnIds().equals(columnIds)) {
            throw new BasaltException(ErrorCode.INVALID_TRANSACTION_STATE,
                    "table \"" + tableName + "\" was altered while this writer was open; start a new one");
        }
        return table;
    }

    /** Encodes the buffered rows as one row group and writes its file (and index files). */
    private void flush(TableEntry table)
    {
        writtenIndexes.add(transaction.working().indexesOf(tableId));
        written.add(rowGroupWriter.write(table, buffers, buffered));
        for (ColumnBuffer buffer : buffers) {
            buffer.clear();
        }
        buffered = 0;
    }

    @Override
    public long commit()
    {
        checkUsable();
        try {
            if (appended > 0 || !deletes.isEmpty()) {
                TableEntry table = currentTable();
                if (!deletes.isEmpty()) {
                    table = applyDeletes(table);
                    transaction.replaceTable(table);
                }
                List<Long> replaced = new ArrayList<>();
                if (buffered > 0) {
                    if (written.isEmpty()) {
                        mergeTail(table, replaced);
                    }
                    flush(table);
                }
                if (!written.isEmpty()) {
                    addMissingIndexFiles(table);
                    Set<Long> remove = new HashSet<>(replaced);
                    List<RowGroupEntry> rowGroups = new ArrayList<>(table.rowGroups().size() + written.size());
                    for (RowGroupEntry rowGroup : table.rowGroups()) {
                        if (!remove.contains(rowGroup.fileId())) {
                            rowGroups.add(rowGroup);
                        }
                    }
                    rowGroups.addAll(written);
                    transaction.replaceTable(table.withRowGroups(rowGroups));
                }
            }
            if (ownsTransaction && transaction.isActive()) {
                transaction.commit();
            }
        }
        catch (RuntimeException e) {
            failed = true;
            throw BasaltException.wrap(e);
        }
        written.clear();
        writtenIndexes.clear();
        deletes.clear();
        long committed = appended;
        appended = 0;
        return committed;
    }

    private void addMissingIndexFiles(TableEntry table)
    {
        List<IndexEntry> now = transaction.working().indexesOf(tableId);
        for (int i = 0; i < written.size(); i++) {
            List<IndexEntry> missing = new ArrayList<>(now);
            missing.removeAll(writtenIndexes.get(i));
            IndexMaintenance.build(transaction, table, missing, written.get(i), allocator);
        }
    }

    private TableEntry applyDeletes(TableEntry table)
    {
        List<RowGroupEntry> rowGroups = new ArrayList<>(table.rowGroups().size());
        int matched = 0;
        for (RowGroupEntry rowGroup : table.rowGroups()) {
            BitSet positions = deletes.get(rowGroup.fileId());
            if (positions == null) {
                rowGroups.add(rowGroup);
                continue;
            }
            matched++;
            RowGroupEntry updated = DeletionVectors.delete(transaction, tableId, tableName, rowGroup, positions);
            if (updated != null) {
                rowGroups.add(updated);
            }
        }
        if (matched != deletes.size()) {
            throw new BasaltException(ErrorCode.SERIALIZATION_FAILURE,
                    "could not serialize access: rows to delete from table \"" + tableName + "\" were rewritten since they were read; retry the statement");
        }
        return table.withRowGroups(rowGroups);
    }

    /**
     * Folds the table's small trailing row groups into the buffered rows when they are at most twice as
     * big as what is merged so far and everything fits one row group.
     */
    private void mergeTail(TableEntry table, List<Long> replaced)
    {
        if (buffers.length == 0) {
            return;
        }
        List<RowGroupEntry> rowGroups = table.rowGroups();
        long merged = buffered;
        int first = rowGroups.size();
        while (first > 0) {
            RowGroupEntry candidate = rowGroups.get(first - 1);
            if (candidate.liveRowCount() + merged > rowGroupSize || candidate.liveRowCount() > 2 * merged) {
                break;
            }
            merged += candidate.liveRowCount();
            first--;
        }
        if (first == rowGroups.size()) {
            return;
        }
        List<RowGroupEntry> tail = rowGroups.subList(first, rowGroups.size());
        ColumnBuffer[] combined = newBuffers((int) merged);
        try (TableScan scan = Scans.all(transaction.catalog(), table, tail, allocator)) {
            while (scan.hasNext()) {
                try (ColumnBatch batch = scan.next()) {
                    for (int column = 0; column < combined.length; column++) {
                        combined[column].append(batch.column(column), batch.selection(), 0, batch.rowCount());
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

    /** Closing without commit discards: files written so far are removed when the transaction ends. */
    @Override
    public void close()
    {
        if (closed) {
            return;
        }
        closed = true;
        written.clear();
        writtenIndexes.clear();
        deletes.clear();
        buffers = new ColumnBuffer[0];
        if (ownsTransaction && transaction.isActive()) {
            transaction.rollback();
        }
    }
}
