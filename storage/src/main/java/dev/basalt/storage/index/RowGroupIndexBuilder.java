package dev.basalt.storage.index;

import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.batch.SelectionVector;
import dev.basalt.spi.catalog.IndexDefinition;
import dev.basalt.spi.catalog.RowFilter;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DoubleType;
import dev.basalt.spi.type.RealType;
import dev.basalt.storage.codec.BitPacking;
import dev.basalt.storage.column.ColumnBuffer;
import dev.basalt.storage.column.PhysicalKind;
import dev.basalt.storage.format.ByteSink;
import dev.basalt.storage.format.Checksums;
import dev.basalt.storage.format.LittleEndian;

import java.util.Arrays;
import java.util.OptionalInt;

import static java.util.Objects.requireNonNull;

/**
 * Builds the index data of one row group, for one index. Mirrors how {@code StorageTableWriter} fills its column
 * buffers, so the writer adds one call next to each buffer append and one at flush:
 * <pre>
 * RowGroupIndexBuilder builder = new RowGroupIndexBuilder(index, schema, filter);  // filter: null without WHERE
 * builder.append(batch, fromRow, count);   // the next count live rows of batch (all table columns, table order)
 * ...
 * byte[] data = builder.finish();          // serialized index of the rows appended since the last finish()
 * </pre>
 * A row's <b>position</b> is its number in the row group: the live rows passed to {@link #append} are numbered
 * 0, 1, 2, ... in order since the last {@link #finish()}. An index without predicate can also be fed the
 * writer's column buffers directly ({@link #appendBuffers}). The index covers the rows for which {@code filter}
 * selects them (all rows when {@code filter} is null), keeps NULL keys (sorted last, so {@code IS NULL} lookups
 * work) and records each entry's position. For tail merging, {@link #appendAll} appends another builder's rows.
 * To index an existing row group (CREATE INDEX, REINDEX), pass its scanned batches in row order to
 * {@link #appendPhysical}: there every physical row takes a position, so positions stay those of the row-group
 * file even when the scan marks deleted rows with a selection (those get no entry).
 *
 * <p>The filter runs once per batch even when the writer splits the batch across row groups (consecutive calls
 * with the same batch and {@code fromRow} continuing where the last call ended reuse its result). Sorting is a
 * primitive merge sort over entry numbers; nothing is boxed per row. Not thread-safe; reuse one per writer.
 */
public final class RowGroupIndexBuilder
{
    private final IndexDefinition index;
    private final RowFilter filter;
    private final int[] keyOrdinals;
    private final DataType[] keyTypes;
    private final KeyKind[] keyKinds;
    private final ColumnBuffer[] keys;
    private int[] positions = new int[64];
    private int entries;
    private int rowCount;

    // The filter's result for the batch seen last: physical positions and live-row numbers of covered rows.
    private ColumnBatch coveredBatch;
    private int coveredEnd;
    private int[] coveredPhysical = new int[0];
    private int[] coveredLive = new int[0];
    private int coveredCount;

    /**
     * @param filter the compiled {@code index.predicate()}, or null when the index has no predicate
     * @throws BasaltException UNDEFINED_COLUMN for a key column missing from {@code schema}, FEATURE_NOT_SUPPORTED
     *         for an INTERVAL key column
     */
    public RowGroupIndexBuilder(IndexDefinition index, TableSchema schema, RowFilter filter)
    {
        this.index = requireNonNull(index, "index is null");
        requireNonNull(schema, "schema is null");
        if (index.predicate().isPresent() && filter == null) {
            throw new IllegalArgumentException("index \"" + index.name() + "\" has a predicate but no filter was given");
        }
        this.filter = filter;
        int keyCount = index.columns().size();
        this.keyOrdinals = keyOrdinals(index, schema);
        this.keyTypes = new DataType[keyCount];
        this.keyKinds = new KeyKind[keyCount];
        this.keys = new ColumnBuffer[keyCount];
        for (int k = 0; k < keyCount; k++) {
            keyTypes[k] = schema.column(keyOrdinals[k]).type();
            keyKinds[k] = KeyKind.of(keyTypes[k], index.columns().get(k));
            keys[k] = new ColumnBuffer(PhysicalKind.of(keyTypes[k]), 64);
        }
    }

    /** Table ordinals of the key columns; UNDEFINED_COLUMN when one does not exist. */
    static int[] keyOrdinals(IndexDefinition index, TableSchema schema)
    {
        int[] ordinals = new int[index.columns().size()];
        for (int k = 0; k < ordinals.length; k++) {
            String name = index.columns().get(k);
            OptionalInt ordinal = schema.indexOf(name);
            if (ordinal.isEmpty()) {
                throw new BasaltException(ErrorCode.UNDEFINED_COLUMN,
                        "column \"" + name + "\" of index \"" + index.name() + "\" does not exist in table \"" + schema.name() + "\"");
            }
            ordinals[k] = ordinal.getAsInt();
        }
        return ordinals;
    }

    /** Convenience: the index data of a row group given as batches (all columns, table order, row order). */
    public static byte[] build(IndexDefinition index, TableSchema schema, RowFilter filter, Iterable<ColumnBatch> batches)
    {
        RowGroupIndexBuilder builder = new RowGroupIndexBuilder(index, schema, filter);
        for (ColumnBatch batch : batches) {
            builder.append(batch, 0, batch.rowCount());
        }
        return builder.finish();
    }

    public IndexDefinition index()
    {
        return index;
    }

    /** Rows appended since the last {@link #finish()} (covered or not). */
    public int rowCount()
    {
        return rowCount;
    }

    /** Rows appended since the last {@link #finish()} that the index covers. */
    public int entryCount()
    {
        return entries;
    }

    /**
     * Appends live rows [fromRow, fromRow + count) of {@code batch} (which holds every table column in table order;
     * the caller keeps ownership) as the next rows of the row group.
     */
    public void append(ColumnBatch batch, int fromRow, int count)
    {
        requireNonNull(batch, "batch is null");
        if (fromRow < 0 || count < 0 || fromRow + count > batch.rowCount()) {
            throw new IllegalArgumentException("rows [" + fromRow + ", " + (fromRow + count) + ") outside the batch's " + batch.rowCount() + " live rows");
        }
        if (count == 0) {
            return;
        }
        if (batch != coveredBatch || fromRow != coveredEnd) {
            computeCoverage(batch);
        }
        coveredEnd = fromRow + count;
        int first = lowerBound(coveredLive, coveredCount, fromRow);
        int end = lowerBound(coveredLive, coveredCount, fromRow + count);
        int taken = end - first;
        if (taken > 0) {
            // Every row covered and no selection: the buffers' bulk-copy path.
            boolean identity = coveredCount == batch.physicalRowCount() && !batch.hasSelection();
            SelectionVector selection = identity ? null : new SelectionVector(coveredPhysical, coveredCount);
            for (int k = 0; k < keys.length; k++) {
                keys[k].append(batch.column(keyOrdinals[k]), selection, first, taken);
            }
            ensurePositions(entries + taken);
            for (int i = first; i < end; i++) {
                positions[entries++] = rowCount + coveredLive[i] - fromRow;
            }
        }
        rowCount += count;
    }

    /**
     * Appends all physical rows of {@code batch} as the next rows of the row group (positions = rows so far +
     * physical position); only live rows that the filter selects get an entry. For indexing an existing row group.
     */
    public void appendPhysical(ColumnBatch batch)
    {
        requireNonNull(batch, "batch is null");
        computeCoverage(batch);
        coveredBatch = null;
        if (coveredCount > 0) {
            boolean identity = coveredCount == batch.physicalRowCount();
            SelectionVector selection = identity ? null : new SelectionVector(coveredPhysical, coveredCount);
            for (int k = 0; k < keys.length; k++) {
                keys[k].append(batch.column(keyOrdinals[k]), selection, 0, coveredCount);
            }
            ensurePositions(entries + coveredCount);
            for (int i = 0; i < coveredCount; i++) {
                positions[entries++] = rowCount + coveredPhysical[i];
            }
        }
        rowCount += batch.physicalRowCount();
    }

    /**
     * For an index without predicate only: appends the rows of the writer's column buffers (one per table column,
     * table order, equally long) as the next rows of the row group, without going through Arrow. This lets the
     * writer index a row group it has just encoded without reading it back.
     */
    public void appendBuffers(ColumnBuffer[] columns)
    {
        if (filter != null) {
            throw new IllegalStateException("index \"" + index.name() + "\" has a predicate: append batches so that its filter can run");
        }
        if (columns.length <= max(keyOrdinals)) {
            throw new IllegalArgumentException(columns.length + " column buffers, the index needs column " + max(keyOrdinals));
        }
        int rows = columns[keyOrdinals[0]].size();
        for (int k = 0; k < keys.length; k++) {
            ColumnBuffer column = columns[keyOrdinals[k]];
            if (column.size() != rows || column.kind() != keys[k].kind()) {
                throw new IllegalArgumentException("column buffer " + keyOrdinals[k] + " holds " + column.size() + " " + column.kind()
                        + " rows, expected " + rows + " " + keys[k].kind());
            }
        }
        for (int k = 0; k < keys.length; k++) {
            keys[k].appendAll(columns[keyOrdinals[k]]);
        }
        ensurePositions(entries + rows);
        for (int i = 0; i < rows; i++) {
            positions[entries++] = rowCount + i;
        }
        rowCount += rows;
    }

    /** Appends every row another builder of the same index holds (tail merging); the other builder is unchanged. */
    public void appendAll(RowGroupIndexBuilder other)
    {
        if (!other.index.equals(index)) {
            throw new IllegalArgumentException("index " + other.index.name() + " != " + index.name());
        }
        for (int k = 0; k < keys.length; k++) {
            keys[k].appendAll(other.keys[k]);
        }
        ensurePositions(entries + other.entries);
        for (int i = 0; i < other.entries; i++) {
            positions[entries++] = rowCount + other.positions[i];
        }
        rowCount += other.rowCount;
    }

    /** Forgets the rows appended since the last {@link #finish()}. */
    public void reset()
    {
        for (ColumnBuffer key : keys) {
            key.clear();
        }
        entries = 0;
        rowCount = 0;
        coveredBatch = null;
        coveredCount = 0;
    }

    private void computeCoverage(ColumnBatch batch)
    {
        if (batch.columnCount() <= max(keyOrdinals)) {
            throw new IllegalArgumentException("batch has " + batch.columnCount() + " columns, the index needs column " + max(keyOrdinals));
        }
        int physical = batch.physicalRowCount();
        if (coveredPhysical.length < physical) {
            coveredPhysical = new int[physical];
            coveredLive = new int[physical];
        }
        SelectionVector selection = batch.selection();
        int count;
        if (filter == null) {
            count = batch.rowCount();
            for (int i = 0; i < count; i++) {
                coveredPhysical[i] = selection == null ? i : selection.get(i);
                coveredLive[i] = i;
            }
        }
        else {
            count = filter.select(batch, coveredPhysical);
            if (count < 0 || count > batch.rowCount()) {
                throw new IllegalStateException("row filter of index \"" + index.name() + "\" selected " + count + " of " + batch.rowCount() + " rows");
            }
            int live = 0;
            int liveCount = batch.rowCount();
            for (int i = 0; i < count; i++) {
                int position = coveredPhysical[i];
                // Walk the (ascending) selection to the live row at this physical position.
                while (live < liveCount && batch.position(live) < position) {
                    live++;
                }
                if (live == liveCount || batch.position(live) != position) {
                    throw new IllegalStateException("row filter of index \"" + index.name() + "\" selected position " + position
                            + ", which is not a live row of the batch or not in ascending order");
                }
                coveredLive[i] = live++;
            }
        }
        coveredBatch = batch;
        coveredCount = count;
    }

    private static int max(int[] values)
    {
        int max = -1;
        for (int value : values) {
            max = Math.max(max, value);
        }
        return max;
    }

    private static int lowerBound(int[] sorted, int count, int value)
    {
        int low = 0;
        int high = count;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] < value) {
                low = middle + 1;
            }
            else {
                high = middle;
            }
        }
        return low;
    }

    private void ensurePositions(int capacity)
    {
        if (positions.length < capacity) {
            positions = Arrays.copyOf(positions, Math.max(capacity, positions.length * 2));
        }
    }

    /** Serializes the index of the rows appended since the last call and starts a new row group. */
    public byte[] finish()
    {
        try {
            return serialize();
        }
        finally {
            reset();
        }
    }

    private byte[] serialize()
    {
        int count = entries;
        int keyCount = keys.length;
        long[][] longKeys = new long[keyCount][];
        for (int k = 0; k < keyCount; k++) {
            if (keyKinds[k] == KeyKind.LONG) {
                longKeys[k] = sortableKeys(keys[k], keyTypes[k], count);
            }
        }
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        EntrySort.sort(order, count, comparator(longKeys));

        ByteSink out = new ByteSink(64 + count * 8);
        out.writeBytes(IndexFormat.MAGIC, 0, 4);
        out.writeShort((short) IndexFormat.VERSION);
        out.writeShort((short) 0);
        out.writeInt(rowCount);
        out.writeInt(count);
        out.writeInt(keyCount);
        int columnHeaders = out.reserve(keyCount * IndexFormat.COLUMN_HEADER_SIZE);
        int positionBits = BitPacking.bitsFor(Math.max(0, rowCount - 1));
        out.writeByte(positionBits);
        out.reserve(3);
        for (int k = 0; k < keyCount; k++) {
            int start = out.position();
            int nullCount = writeNulls(keys[k], order, count, out);
            int encoding = nullCount == count ? IndexFormat.ENCODING_NONE : writeValues(k, longKeys[k], order, count, out);
            int header = columnHeaders + k * IndexFormat.COLUMN_HEADER_SIZE;
            out.array()[header] = (byte) keyKinds[k].id();
            out.array()[header + 1] = (byte) encoding;
            LittleEndian.putShort(out.array(), header + 2, (short) KeyKind.typeTag(keyTypes[k]));
            out.putInt(header + 4, nullCount);
            out.putInt(header + 8, out.position() - start);
        }
        long[] sortedPositions = new long[count];
        for (int i = 0; i < count; i++) {
            sortedPositions[i] = positions[order[i]];
        }
        BitPacking.pack(sortedPositions, count, 0, positionBits, out);
        out.writeInt(Checksums.crc32c(out.array(), 0, out.position()));
        return out.toByteArray();
    }

    /** LONG keys of the covered rows in row order; floating point through the order-preserving transform. */
    private static long[] sortableKeys(ColumnBuffer buffer, DataType type, int count)
    {
        long[] values = buffer.values();
        long[] result = new long[count];
        if (type instanceof RealType) {
            for (int i = 0; i < count; i++) {
                result[i] = KeyKind.sortableFloat((int) values[i]);
            }
        }
        else if (type instanceof DoubleType) {
            for (int i = 0; i < count; i++) {
                result[i] = KeyKind.sortableDouble(values[i]);
            }
        }
        else {
            System.arraycopy(values, 0, result, 0, count);
        }
        return result;
    }

    /** SQL order over all key columns, NULLs last in each column (NULL equals NULL for sorting). */
    private EntrySort.EntryComparator comparator(long[][] longKeys)
    {
        if (keys.length == 1 && keyKinds[0] == KeyKind.LONG && keys[0].nullCount() == 0) {
            long[] single = longKeys[0];
            return (a, b) -> Long.compare(single[a], single[b]);
        }
        if (keys.length == 1 && keyKinds[0] == KeyKind.BYTES && keys[0].nullCount() == 0) {
            ColumnBuffer buffer = keys[0];
            byte[] bytes = buffer.bytes();
            int[] offsets = buffer.offsets();
            return (a, b) -> Arrays.compareUnsigned(bytes, offsets[a], offsets[a + 1], bytes, offsets[b], offsets[b + 1]);
        }
        return (a, b) -> {
            for (int k = 0; k < keys.length; k++) {
                ColumnBuffer buffer = keys[k];
                boolean nullA = buffer.isNull(a);
                boolean nullB = buffer.isNull(b);
                if (nullA || nullB) {
                    if (nullA && nullB) {
                        continue;
                    }
                    return nullA ? 1 : -1;
                }
                int result = switch (keyKinds[k]) {
                    case LONG -> Long.compare(longKeys[k][a], longKeys[k][b]);
                    case INT128 -> compareWide(buffer.values(), a, b);
                    case BYTES -> Arrays.compareUnsigned(buffer.bytes(), buffer.offsets()[a], buffer.offsets()[a + 1],
                            buffer.bytes(), buffer.offsets()[b], buffer.offsets()[b + 1]);
                    case NONE -> 0;
                };
                if (result != 0) {
                    return result;
                }
            }
            return 0;
        };
    }

    private static int compareWide(long[] values, int a, int b)
    {
        int result = Long.compare(values[2 * a + 1], values[2 * b + 1]);
        return result != 0 ? result : Long.compareUnsigned(values[2 * a], values[2 * b]);
    }

    private static int writeNulls(ColumnBuffer buffer, int[] order, int count, ByteSink out)
    {
        if (buffer.kind() == PhysicalKind.NULL) {
            return count;
        }
        int nullCount = 0;
        for (int i = 0; i < count; i++) {
            if (buffer.isNull(order[i])) {
                nullCount++;
            }
        }
        if (nullCount == 0 || nullCount == count) {
            return nullCount;
        }
        int start = out.reserve((count + 7) >>> 3);
        byte[] target = out.array();
        for (int i = 0; i < count; i++) {
            if (buffer.isNull(order[i])) {
                target[start + (i >>> 3)] |= (byte) (1 << (i & 7));
            }
        }
        return nullCount;
    }

    private int writeValues(int k, long[] longKeys, int[] order, int count, ByteSink out)
    {
        ColumnBuffer buffer = keys[k];
        switch (keyKinds[k]) {
            case LONG -> {
                long min = Long.MAX_VALUE;
                long max = Long.MIN_VALUE;
                for (int i = 0; i < count; i++) {
                    if (!buffer.isNull(i)) {
                        min = Math.min(min, longKeys[i]);
                        max = Math.max(max, longKeys[i]);
                    }
                }
                long[] sorted = new long[count];
                for (int i = 0; i < count; i++) {
                    int entry = order[i];
                    sorted[i] = buffer.isNull(entry) ? min : longKeys[entry];
                }
                // max - min as an unsigned difference; over 56 bits the packed form would not save much anyway.
                int bits = BitPacking.bitsFor(max - min);
                if (Long.compareUnsigned(max - min, 1L << BitPacking.MAX_BITS) >= 0 || bits > BitPacking.MAX_BITS) {
                    for (int i = 0; i < count; i++) {
                        out.writeLong(sorted[i]);
                    }
                    return IndexFormat.ENCODING_PLAIN64;
                }
                out.writeLong(min);
                out.writeByte(bits);
                BitPacking.pack(sorted, count, min, bits, out);
                return IndexFormat.ENCODING_FOR;
            }
            case INT128 -> {
                long[] values = buffer.values();
                for (int i = 0; i < count; i++) {
                    int entry = order[i];
                    out.writeLong(values[2 * entry]);
                    out.writeLong(values[2 * entry + 1]);
                }
                return IndexFormat.ENCODING_PLAIN128;
            }
            case BYTES -> {
                int[] offsets = buffer.offsets();
                long total = 0;
                for (int i = 0; i < count; i++) {
                    total += offsets[i + 1] - offsets[i];
                }
                out.writeInt(Math.toIntExact(total));
                int offset = 0;
                out.writeInt(0);
                for (int i = 0; i < count; i++) {
                    int entry = order[i];
                    offset += offsets[entry + 1] - offsets[entry];
                    out.writeInt(offset);
                }
                byte[] bytes = buffer.bytes();
                for (int i = 0; i < count; i++) {
                    int entry = order[i];
                    out.writeBytes(bytes, offsets[entry], offsets[entry + 1] - offsets[entry]);
                }
                return IndexFormat.ENCODING_BYTES;
            }
            case NONE -> {
                return IndexFormat.ENCODING_NONE;
            }
        }
        throw new IllegalStateException("unreachable");
    }
}
