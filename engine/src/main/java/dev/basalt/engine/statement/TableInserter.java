package dev.basalt.engine.statement;

import dev.basalt.parser.tree.ConflictAction;
import dev.basalt.spi.batch.CloseableIterator;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.batch.SelectionVector;
import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.catalog.ColumnPredicate;
import dev.basalt.spi.catalog.IndexDefinition;
import dev.basalt.spi.catalog.IndexLookup;
import dev.basalt.spi.catalog.RowFilter;
import dev.basalt.spi.catalog.ScanSpec;
import dev.basalt.spi.catalog.Table;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.catalog.TableWriter;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Writes rows (in table order) to a table, enforcing NOT NULL and the table's unique indexes (PRIMARY KEY,
 * UNIQUE, CREATE UNIQUE INDEX, partial ones only over the rows their predicate covers). A row conflicts when its
 * key (no NULL in it) equals the key of an existing row not deleted by this statement or of a row added earlier
 * by it. {@link ConflictAction#ERROR} fails with 23505, IGNORE skips the new row, REPLACE deletes the old row(s)
 * (SQLite's INSERT OR REPLACE). Existing keys are found by index lookups, one per new key, while the statement
 * has few rows; beyond {@link #LOOKUP_LIMIT} (or with a partial unique index) all existing keys are read once by a
 * scan of the key columns. Nothing is visible before {@link #commit()}; closing without commit discards everything.
 */
final class TableInserter
        implements AutoCloseable
{
    /** Up to this many new keys are looked up in the unique index one by one; more, and one scan reads every key. */
    static final int LOOKUP_LIMIT = 256;

    private final Table table;
    private final TableSchema schema;
    private final ConflictAction action;
    private final BufferAllocator allocator;
    private final TableWriter writer;
    private final List<UniqueKey> keys;
    private final int[] notNullColumns;
    /** The identity column mapping: batches to write hold the table's columns in table order. */
    private final int[] tableOrder;
    /** Existing rows deleted by this statement (UPDATE's old rows, rows replaced): they no longer conflict. */
    private final LongLongMap deleted = new LongLongMap();
    private long[] pendingDeletes = new long[16];
    private int pendingDeleteCount;
    /** Rows added by this statement that a later row replaced (REPLACE within one call of add). */
    private final BitSet dropped = new BitSet();
    private long rowsAdded;
    /** True once every existing key is in the maps (after a scan); before, keys are looked up one by one. */
    private boolean existingLoaded;
    private int lookups;

    private TableInserter(Table table, ConflictAction action, BufferAllocator allocator, List<UniqueKey> keys)
    {
        this.table = requireNonNull(table, "table is null");
        this.schema = table.schema();
        this.action = requireNonNull(action, "action is null");
        this.allocator = requireNonNull(allocator, "allocator is null");
        this.keys = List.copyOf(keys);
        int[] notNull = new int[schema.columnCount()];
        int count = 0;
        for (int i = 0; i < schema.columnCount(); i++) {
            if (!schema.column(i).nullable()) {
                notNull[count++] = i;
            }
        }
        this.notNullColumns = Arrays.copyOf(notNull, count);
        this.tableOrder = new int[schema.columnCount()];
        for (int i = 0; i < tableOrder.length; i++) {
            tableOrder[i] = i;
        }
        this.writer = table.newWriter(allocator);
    }

    static TableInserter open(StatementContext context, Table table, ConflictAction action, BufferAllocator allocator)
    {
        TableSchema schema = table.schema();
        List<UniqueKey> keys = new ArrayList<>();
        for (IndexDefinition index : context.catalog().listIndexes(schema.name())) {
            if (!index.unique()) {
                continue;
            }
            int[] ordinals = new int[index.columns().size()];
            for (int i = 0; i < ordinals.length; i++) {
                String column = index.columns().get(i);
                ordinals[i] = schema.indexOf(column).orElseThrow(() -> new BasaltException(ErrorCode.INTERNAL_ERROR,
                        "index " + index.name() + " names column " + column + " that table " + schema.name() + " does not have"));
            }
            Optional<RowFilter> filter = index.predicate().map(predicate -> context.rowFilterCompiler().compile(schema, predicate));
            keys.add(new UniqueKey(index, ordinals, schema, filter));
        }
        return new TableInserter(table, action, allocator, keys);
    }

    /** Deletes existing rows (by row id of this snapshot); they stop conflicting with added rows. */
    void delete(long[] rowIds, int count)
    {
        for (int i = 0; i < count; i++) {
            if (deleted.add(rowIds[i])) {
                addPendingDelete(rowIds[i]);
            }
        }
    }

    /**
     * Checks and appends the live rows of the batches (borrowed: the caller keeps them). With REPLACE, give all
     * rows of the statement in one call, so that a later row can replace an earlier one.
     */
    void add(List<ColumnBatch> batches)
    {
        if (keys.isEmpty() && action != ConflictAction.IGNORE) {
            for (ColumnBatch batch : batches) {
                if (batch.rowCount() == 0) {
                    continue;
                }
                NotNullCheck.check(schema, batch);
                writer.append(batch);
            }
            return;
        }
        int incoming = 0;
        for (ColumnBatch batch : batches) {
            incoming += batch.rowCount();
        }
        if (!existingLoaded && (lookups + (long) incoming * keys.size() > LOOKUP_LIMIT || hasPartialKey())) {
            loadExistingKeys();
        }
        long firstRow = rowsAdded;
        List<boolean[]> admitted = new ArrayList<>(batches.size());
        long row = firstRow;
        for (ColumnBatch batch : batches) {
            admitted.add(admit(batch, row, firstRow));
            row += batch.rowCount();
        }
        row = firstRow;
        for (int b = 0; b < batches.size(); b++) {
            ColumnBatch batch = batches.get(b);
            boolean[] keep = admitted.get(b);
            SelectionVector selection = new SelectionVector(Math.max(1, batch.rowCount()));
            for (int r = 0; r < batch.rowCount(); r++) {
                if (keep[r] && !dropped.get(Math.toIntExact(row + r))) {
                    selection.add(batch.position(r));
                }
            }
            row += batch.rowCount();
            if (selection.size() == 0) {
                continue;
            }
            // a view of the caller's batch with fewer live rows; the caller still owns (and closes) the vectors
            writer.append(selection.size() == batch.rowCount() ? batch : ColumnBatch.of(batch.columns(), batch.physicalRowCount(), selection));
        }
        rowsAdded = row;
    }

    /** A TableWriter view for loaders that append batch by batch (COPY): every append is checked. */
    TableWriter asWriter()
    {
        return new TableWriter()
        {
            @Override
            public void append(ColumnBatch batch)
            {
                add(List.of(batch));
            }

            @Override
            public void delete(long[] rowIds, int count)
            {
                TableInserter.this.delete(rowIds, count);
            }

            @Override
            public long commit()
            {
                return TableInserter.this.commit();
            }

            @Override
            public void close() {}
        };
    }

    /** Publishes the deletes and appends (into the transaction); returns the number of rows appended. */
    long commit()
    {
        if (pendingDeleteCount > 0) {
            writer.delete(pendingDeletes, pendingDeleteCount);
            pendingDeleteCount = 0;
        }
        return writer.commit();
    }

    @Override
    public void close()
    {
        writer.close();
    }

    /** Decides for each live row of the batch whether it is written; rows are numbered from {@code firstRowOfBatch}. */
    private boolean[] admit(ColumnBatch batch, long firstRowOfBatch, long firstRowOfCall)
    {
        int live = batch.rowCount();
        boolean[] keep = new boolean[live];
        BitSet[] covered = coveredRows(batch);
        boolean[] keyed = new boolean[keys.size()];
        for (int r = 0; r < live; r++) {
            int position = batch.position(r);
            long row = firstRowOfBatch + r;
            if (violatesNotNull(batch, position)) {
                continue;
            }
            boolean skip = false;
            for (int k = 0; k < keys.size() && !skip; k++) {
                UniqueKey key = keys.get(k);
                keyed[k] = false;
                if ((covered[k] != null && !covered[k].get(position)) || key.hasNull(batch, position, tableOrder)) {
                    continue;
                }
                keyed[k] = true;
                if (!existingLoaded && key.markLookedUp(batch, position, tableOrder)) {
                    lookUp(key, key.value(batch, position, tableOrder));
                }
                long existing = key.existing(batch, position, tableOrder);
                boolean existingHit = existing != UniqueKey.MISSING && deleted.get(existing, UniqueKey.MISSING) == UniqueKey.MISSING;
                long earlier = key.added(batch, position, tableOrder);
                boolean earlierHit = earlier != UniqueKey.MISSING && !dropped.get(Math.toIntExact(earlier));
                if (!existingHit && !earlierHit) {
                    continue;
                }
                switch (action) {
                    case ERROR -> throw duplicate(key, key.value(batch, position, tableOrder));
                    case IGNORE -> skip = true;
                    case REPLACE -> {
                        if (existingHit) {
                            deleted.add(existing);
                            addPendingDelete(existing);
                        }
                        if (earlierHit) {
                            if (earlier < firstRowOfCall) {
                                throw new IllegalStateException("REPLACE of a row appended by an earlier call");
                            }
                            dropped.set(Math.toIntExact(earlier));
                        }
                    }
                }
            }
            if (skip) {
                continue;
            }
            for (int k = 0; k < keys.size(); k++) {
                if (keyed[k]) {
                    keys.get(k).putAdded(batch, position, tableOrder, row);
                }
            }
            keep[r] = true;
        }
        return keep;
    }

    private boolean violatesNotNull(ColumnBatch batch, int position)
    {
        for (int column : notNullColumns) {
            if (batch.column(column).isNull(position)) {
                if (action == ConflictAction.IGNORE) {
                    // SQLite: OR IGNORE also skips rows that break NOT NULL
                    return true;
                }
                Column definition = schema.column(column);
                throw NotNullCheck.violation(schema.name(), definition.name());
            }
        }
        return false;
    }

    /** For each partial unique index, the physical positions its predicate covers; null entries = every row. */
    private BitSet[] coveredRows(ColumnBatch batch)
    {
        BitSet[] covered = new BitSet[keys.size()];
        int[] positions = null;
        for (int k = 0; k < keys.size(); k++) {
            Optional<RowFilter> filter = keys.get(k).filter();
            if (filter.isEmpty()) {
                continue;
            }
            if (positions == null) {
                positions = new int[Math.max(1, batch.physicalRowCount())];
            }
            int count = filter.get().select(batch, positions);
            covered[k] = new BitSet(batch.physicalRowCount());
            for (int i = 0; i < count; i++) {
                covered[k].set(positions[i]);
            }
        }
        return covered;
    }

    private boolean hasPartialKey()
    {
        for (UniqueKey key : keys) {
            if (key.filter().isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** Finds the existing rows with one key through the unique index (exact: an index lookup returns only matches). */
    private void lookUp(UniqueKey key, List<Object> value)
    {
        lookups++;
        int[] ordinals = key.ordinals();
        List<Integer> columns = new ArrayList<>(ordinals.length);
        List<ColumnPredicate> predicates = new ArrayList<>(ordinals.length);
        int[] scanColumn = new int[schema.columnCount()];
        for (int i = 0; i < ordinals.length; i++) {
            columns.add(ordinals[i]);
            scanColumn[ordinals[i]] = i;
            predicates.add(new ColumnPredicate.Range(ordinals[i], value.get(i), true, value.get(i), true));
        }
        ScanSpec spec = new ScanSpec(columns, List.of()).withRowIds().withIndex(new IndexLookup(key.index().name(), predicates));
        try (CloseableIterator<ColumnBatch> batches = table.scan(spec, allocator)) {
            while (batches.hasNext()) {
                try (ColumnBatch batch = batches.next()) {
                    BigIntVector rowIds = (BigIntVector) batch.column(columns.size());
                    for (int r = 0; r < batch.rowCount(); r++) {
                        int position = batch.position(r);
                        // an exact lookup; the equality test guards against a storage that returns more
                        if (!key.hasNull(batch, position, scanColumn) && value.equals(key.value(batch, position, scanColumn))) {
                            key.putExisting(batch, position, scanColumn, rowIds.get(position));
                        }
                    }
                }
            }
        }
    }

    /** Reads the keys of the table's current rows (all columns when a partial index needs its predicate's). */
    private void loadExistingKeys()
    {
        if (existingLoaded || keys.isEmpty()) {
            existingLoaded = true;
            return;
        }
        existingLoaded = true;
        boolean partial = false;
        for (UniqueKey key : keys) {
            partial |= key.filter().isPresent();
        }
        List<Integer> columns = new ArrayList<>();
        if (partial) {
            for (int i = 0; i < schema.columnCount(); i++) {
                columns.add(i);
            }
        }
        else {
            for (UniqueKey key : keys) {
                for (int ordinal : key.ordinals()) {
                    if (!columns.contains(ordinal)) {
                        columns.add(ordinal);
                    }
                }
            }
        }
        // scan column of each table ordinal (-1 = not read)
        int[] scanColumn = new int[schema.columnCount()];
        Arrays.fill(scanColumn, -1);
        for (int i = 0; i < columns.size(); i++) {
            scanColumn[columns.get(i)] = i;
        }
        ScanSpec spec = new ScanSpec(columns, List.of()).withRowIds();
        try (CloseableIterator<ColumnBatch> batches = table.scan(spec, allocator)) {
            while (batches.hasNext()) {
                try (ColumnBatch batch = batches.next()) {
                    if (batch.rowCount() == 0) {
                        continue;
                    }
                    BigIntVector rowIds = (BigIntVector) batch.column(columns.size());
                    // partial filters expect table order: with partial, the scan reads every column in order
                    BitSet[] covered = coveredRows(batch);
                    for (int r = 0; r < batch.rowCount(); r++) {
                        int position = batch.position(r);
                        for (int k = 0; k < keys.size(); k++) {
                            UniqueKey key = keys.get(k);
                            if ((covered[k] != null && !covered[k].get(position)) || key.hasNull(batch, position, scanColumn)) {
                                continue;
                            }
                            key.putExisting(batch, position, scanColumn, rowIds.get(position));
                        }
                    }
                }
            }
        }
    }

    private void addPendingDelete(long rowId)
    {
        if (pendingDeleteCount == pendingDeletes.length) {
            pendingDeletes = Arrays.copyOf(pendingDeletes, pendingDeletes.length * 2);
        }
        pendingDeletes[pendingDeleteCount++] = rowId;
    }

    private BasaltException duplicate(UniqueKey key, List<Object> value)
    {
        List<String> rendered = new ArrayList<>(value.size());
        for (Object item : value) {
            rendered.add(String.valueOf(item));
        }
        return new BasaltException(ErrorCode.UNIQUE_VIOLATION, "duplicate key value violates unique constraint \"" + key.index().name()
                + "\": Key (" + String.join(", ", key.index().columns()) + ")=(" + String.join(", ", rendered) + ") already exists");
    }
}
