package dev.basalt.storage.index;

import dev.basalt.spi.catalog.ColumnPredicate;
import dev.basalt.spi.catalog.IndexDefinition;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.BigintType;
import dev.basalt.spi.type.BlobType;
import dev.basalt.spi.type.BooleanType;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DateType;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.spi.type.DoubleType;
import dev.basalt.spi.type.IntegerType;
import dev.basalt.spi.type.IntervalType;
import dev.basalt.spi.type.NullType;
import dev.basalt.spi.type.RealType;
import dev.basalt.spi.type.SmallintType;
import dev.basalt.spi.type.TimestampType;
import dev.basalt.spi.type.VarcharType;
import dev.basalt.spi.value.Values;
import dev.basalt.storage.codec.BitPacking;
import dev.basalt.storage.format.Checksums;
import dev.basalt.storage.format.LittleEndian;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Reads the index data of one row group (written by {@link RowGroupIndexBuilder}) in place, without decoding it:
 * entries are sorted by key (SQL order, NULLs last per column), and every access is a bounds-checked read of the
 * byte array. Immutable and thread-safe once opened; cheap enough to open per scan (one CRC32C pass and a few
 * O(entries) structural checks).
 * <ul>
 * <li>{@link #lookup}: the ascending row-group positions of the covered rows whose keys satisfy every predicate.
 *     Predicates on the first key column are answered by binary search; when they are equalities (or IN lists),
 *     predicates on the next key column are binary-searched within each equal run, and so on. The rest are
 *     checked entry by entry on the candidates.</li>
 * <li>{@link #containsKey}, and {@link UniqueKeyCheck} over many row groups, for unique indexes. Keys with a
 *     NULL never conflict (PostgreSQL's NULLS DISTINCT).</li>
 * <li>{@link #entryCount()}, {@link #position(int)}, {@link #key(int)}: iterate the entries in key order.</li>
 * </ul>
 * Rows deleted after the row group was written are still in its index: the caller filters them out.
 */
public final class RowGroupIndex
{
    private final IndexDefinition index;
    private final String file;
    private final byte[] data;
    private final int[] keyOrdinals;
    private final DataType[] keyTypes;
    private final KeyKind[] keyKinds;
    private final int rowCount;
    private final int entries;
    // Per key column: null bitmap offset (-1 when none), null count, encoding, values offset, FOR base and bits,
    // BYTES offsets offset and bytes offset.
    private final int[] nullOffset;
    private final int[] nullCount;
    private final int[] encoding;
    private final int[] valuesOffset;
    private final long[] base;
    private final int[] bits;
    private final int[] bytesOffset;
    private final int[] bytesLength;
    private final int positionsOffset;
    private final int positionBits;

    private RowGroupIndex(IndexDefinition index, TableSchema schema, byte[] data, String file)
    {
        this.index = requireNonNull(index, "index is null");
        this.file = requireNonNull(file, "file is null");
        this.data = data;
        this.keyOrdinals = RowGroupIndexBuilder.keyOrdinals(index, schema);
        int keyCount = keyOrdinals.length;
        this.keyTypes = new DataType[keyCount];
        this.keyKinds = new KeyKind[keyCount];
        for (int k = 0; k < keyCount; k++) {
            keyTypes[k] = schema.column(keyOrdinals[k]).type();
            keyKinds[k] = KeyKind.of(keyTypes[k], index.columns().get(k));
        }
        int length = data.length;
        if (length < IndexFormat.HEADER_SIZE + IndexFormat.POSITION_HEADER_SIZE + IndexFormat.TRAILER_SIZE) {
            throw corrupted("truncated (" + length + " bytes)");
        }
        if (!Arrays.equals(data, 0, 4, IndexFormat.MAGIC, 0, 4)) {
            throw corrupted("bad magic");
        }
        int version = Short.toUnsignedInt(LittleEndian.getShort(data, 4));
        int stored = LittleEndian.getInt(data, length - IndexFormat.TRAILER_SIZE);
        if (stored != Checksums.crc32c(data, 0, length - IndexFormat.TRAILER_SIZE)) {
            throw corrupted("checksum mismatch");
        }
        if (version > IndexFormat.VERSION) {
            throw new BasaltException(ErrorCode.FEATURE_NOT_SUPPORTED, "index data in file `" + file + "` has format version " + version
                    + "; this Basalt reads up to " + IndexFormat.VERSION);
        }
        if (version != IndexFormat.VERSION) {
            throw corrupted("format version " + version);
        }
        this.rowCount = LittleEndian.getInt(data, 8);
        this.entries = LittleEndian.getInt(data, 12);
        int storedKeyCount = LittleEndian.getInt(data, 16);
        if (rowCount < 0 || entries < 0 || entries > rowCount) {
            throw corrupted("impossible counts: " + entries + " entries of " + rowCount + " rows");
        }
        if (storedKeyCount != keyCount) {
            throw corrupted(storedKeyCount + " key columns, the index has " + keyCount);
        }
        nullOffset = new int[keyCount];
        nullCount = new int[keyCount];
        encoding = new int[keyCount];
        valuesOffset = new int[keyCount];
        base = new long[keyCount];
        bits = new int[keyCount];
        bytesOffset = new int[keyCount];
        bytesLength = new int[keyCount];
        long headersEnd = IndexFormat.HEADER_SIZE + (long) keyCount * IndexFormat.COLUMN_HEADER_SIZE + IndexFormat.POSITION_HEADER_SIZE;
        if (headersEnd > length - IndexFormat.TRAILER_SIZE) {
            throw corrupted("truncated header");
        }
        long section = headersEnd;
        for (int k = 0; k < keyCount; k++) {
            int header = IndexFormat.HEADER_SIZE + k * IndexFormat.COLUMN_HEADER_SIZE;
            int kindId = Byte.toUnsignedInt(data[header]);
            if (kindId != keyKinds[k].id()) {
                throw corrupted("key column " + k + " has kind " + kindId + ", expected " + keyKinds[k] + " for " + keyTypes[k].sqlName());
            }
            encoding[k] = Byte.toUnsignedInt(data[header + 1]);
            int typeTag = Short.toUnsignedInt(LittleEndian.getShort(data, header + 2));
            if (typeTag != KeyKind.typeTag(keyTypes[k])) {
                throw corrupted("key column " + k + " was indexed as another type than " + keyTypes[k].sqlName() + " (tag " + typeTag
                        + "); the index must be rebuilt after a type change");
            }
            nullCount[k] = LittleEndian.getInt(data, header + 4);
            int sectionLength = LittleEndian.getInt(data, header + 8);
            if (nullCount[k] < 0 || nullCount[k] > entries || sectionLength < 0 || section + sectionLength > length - IndexFormat.TRAILER_SIZE) {
                throw corrupted("bad section of key column " + k);
            }
            checkSection(k, (int) section, sectionLength);
            section += sectionLength;
        }
        this.positionBits = Byte.toUnsignedInt(data[(int) headersEnd - IndexFormat.POSITION_HEADER_SIZE]);
        this.positionsOffset = (int) section;
        if (positionBits > 31 || section + BitPacking.packedSize(entries, positionBits) != length - IndexFormat.TRAILER_SIZE) {
            throw corrupted("bad positions section");
        }
        // Positions and string offsets are range-checked where they are read (a compare each), not in an O(entries)
        // pass here: opening then costs little more than the CRC, and it happens per row group per scan.
    }

    /** Sets the section offsets of key column k after checking that its layout matches its length exactly. */
    private void checkSection(int k, int start, int length)
    {
        int offset = start;
        if (nullCount[k] > 0 && nullCount[k] < entries) {
            nullOffset[k] = offset;
            offset += (entries + 7) >>> 3;
        }
        else {
            nullOffset[k] = -1;
        }
        long expected;
        boolean allNull = nullCount[k] == entries;
        switch (encoding[k]) {
            case IndexFormat.ENCODING_NONE -> {
                if (!allNull) {
                    throw corrupted("key column " + k + " has no values but only " + nullCount[k] + " nulls");
                }
                expected = 0;
            }
            case IndexFormat.ENCODING_FOR -> {
                requireKind(k, KeyKind.LONG, allNull);
                if (offset + 9 > start + length) {
                    throw corrupted("truncated key column " + k);
                }
                base[k] = LittleEndian.getLong(data, offset);
                bits[k] = Byte.toUnsignedInt(data[offset + 8]);
                if (bits[k] > BitPacking.MAX_BITS) {
                    throw corrupted("key column " + k + " packs " + bits[k] + " bits");
                }
                valuesOffset[k] = offset + 9;
                expected = 9 + BitPacking.packedSize(entries, bits[k]);
            }
            case IndexFormat.ENCODING_PLAIN64 -> {
                requireKind(k, KeyKind.LONG, allNull);
                valuesOffset[k] = offset;
                expected = 8L * entries;
            }
            case IndexFormat.ENCODING_PLAIN128 -> {
                requireKind(k, KeyKind.INT128, allNull);
                valuesOffset[k] = offset;
                expected = 16L * entries;
            }
            case IndexFormat.ENCODING_BYTES -> {
                requireKind(k, KeyKind.BYTES, allNull);
                if (offset + 4 > start + length) {
                    throw corrupted("truncated key column " + k);
                }
                int total = LittleEndian.getInt(data, offset);
                valuesOffset[k] = offset + 4;
                expected = 4 + 4L * (entries + 1) + total;
                if (total < 0 || offset + expected > start + length) {
                    throw corrupted("bad string section of key column " + k);
                }
                bytesOffset[k] = (int) (valuesOffset[k] + 4L * (entries + 1));
                bytesLength[k] = total;
                if (LittleEndian.getInt(data, valuesOffset[k]) != 0 || LittleEndian.getInt(data, valuesOffset[k] + 4 * entries) != total) {
                    throw corrupted("bad string offsets of key column " + k);
                }
            }
            default -> throw corrupted("unknown encoding " + encoding[k] + " of key column " + k);
        }
        if (offset - start + expected != length) {
            throw corrupted("key column " + k + " section is " + length + " bytes, its layout needs " + (offset - start + expected));
        }
    }

    private void requireKind(int k, KeyKind kind, boolean allNull)
    {
        if (keyKinds[k] != kind || allNull) {
            throw corrupted("encoding " + encoding[k] + " does not fit key column " + k);
        }
    }

    private BasaltException corrupted(String detail)
    {
        return new BasaltException(ErrorCode.DATA_CORRUPTED, "corrupted data in file `" + file + "` (index \"" + index.name()
                + "\" of table \"" + index.table() + "\"): " + detail);
    }

    /**
     * Opens index data. {@code schema} is the table's current schema (key columns are found by name);
     * {@code file} names the file in error messages.
     *
     * @throws BasaltException DATA_CORRUPTED (naming {@code file}) when the bytes are not valid index data of this
     *         index, FEATURE_NOT_SUPPORTED when they come from a newer format version
     */
    public static RowGroupIndex open(IndexDefinition index, TableSchema schema, byte[] data, int offset, int length, String file)
    {
        requireNonNull(data, "data is null");
        byte[] bytes = offset == 0 && length == data.length ? data : Arrays.copyOfRange(data, offset, offset + length);
        return new RowGroupIndex(index, schema, bytes, file);
    }

    public static RowGroupIndex open(IndexDefinition index, TableSchema schema, byte[] data, String file)
    {
        return open(index, schema, data, 0, data.length, file);
    }

    public IndexDefinition index()
    {
        return index;
    }

    /** Rows of the row group (covered or not). */
    public int rowCount()
    {
        return rowCount;
    }

    /** Covered rows, i.e. entries. */
    public int entryCount()
    {
        return entries;
    }

    /** Bytes of the serialized index. */
    public int sizeInBytes()
    {
        return data.length;
    }

    /** The row-group position of entry {@code entry} (entries are in key order). */
    public int position(int entry)
    {
        long bitPosition = (long) entry * positionBits;
        long word = LittleEndian.getLong(data, positionsOffset + (int) (bitPosition >>> 3));
        int position = (int) ((word >>> (bitPosition & 7)) & ((1L << positionBits) - 1));
        if (position >= rowCount) {
            throw corrupted("position " + position + " beyond the row group's " + rowCount + " rows");
        }
        return position;
    }

    public boolean isNull(int entry, int keyColumn)
    {
        int nulls = nullCount[keyColumn];
        if (nulls == 0) {
            return false;
        }
        if (nulls == entries) {
            return true;
        }
        return ((data[nullOffset[keyColumn] + (entry >>> 3)] >>> (entry & 7)) & 1) != 0;
    }

    /** True when any key column of the entry is NULL (such keys never conflict in a unique index). */
    public boolean hasNullKey(int entry)
    {
        for (int k = 0; k < keyKinds.length; k++) {
            if (isNull(entry, k)) {
                return true;
            }
        }
        return false;
    }

    /** The canonical value (see spi {@code Values}) of key column {@code keyColumn} of an entry; null for NULL. */
    public Object keyValue(int entry, int keyColumn)
    {
        if (isNull(entry, keyColumn)) {
            return null;
        }
        DataType type = keyTypes[keyColumn];
        return switch (keyKinds[keyColumn]) {
            case LONG -> {
                long key = longKey(keyColumn, entry);
                yield switch (type) {
                    case BooleanType t -> key != 0;
                    case SmallintType t -> (short) key;
                    case IntegerType t -> (int) key;
                    case BigintType t -> key;
                    case DateType t -> LocalDate.ofEpochDay(key);
                    case TimestampType t -> Values.microsToTimestamp(key);
                    case RealType t -> KeyKind.floatFromSortable(key);
                    case DoubleType t -> KeyKind.doubleFromSortable(key);
                    case DecimalType t -> BigDecimal.valueOf(key, t.scale());
                    case VarcharType t -> throw new IllegalStateException("unreachable");
                    case BlobType t -> throw new IllegalStateException("unreachable");
                    case IntervalType t -> throw new IllegalStateException("unreachable");
                    case NullType t -> throw new IllegalStateException("unreachable");
                };
            }
            case INT128 -> {
                int offset = valuesOffset[keyColumn] + 16 * entry;
                BigInteger value = BigInteger.valueOf(LittleEndian.getLong(data, offset + 8)).shiftLeft(64)
                        .or(new BigInteger(Long.toUnsignedString(LittleEndian.getLong(data, offset))));
                yield new BigDecimal(value, ((DecimalType) type).scale());
            }
            case BYTES -> {
                int start = stringStart(keyColumn, entry);
                yield new String(data, start, stringEnd(keyColumn, entry) - start, StandardCharsets.UTF_8);
            }
            case NONE -> null;
        };
    }

    /** The key of an entry as canonical values, in index column order. */
    public Object[] key(int entry)
    {
        Object[] key = new Object[keyKinds.length];
        for (int k = 0; k < key.length; k++) {
            key[k] = keyValue(entry, k);
        }
        return key;
    }

    /** PostgreSQL's rendering of a key for error details: {@code (a, b)=(1, x)}. */
    public String describeKey(int entry)
    {
        StringBuilder names = new StringBuilder("(");
        StringBuilder values = new StringBuilder("(");
        for (int k = 0; k < keyKinds.length; k++) {
            if (k > 0) {
                names.append(", ");
                values.append(", ");
            }
            names.append(index.columns().get(k));
            Object value = keyValue(entry, k);
            values.append(value == null ? "null" : value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString());
        }
        return names.append(")=").append(values).append(")").toString();
    }

    // ---- lookups --------------------------------------------------------------------------------------------------

    /**
     * Writes the row-group positions (ascending) of the covered rows whose key satisfies every predicate into
     * {@code positionsOut} (at least {@link #entryCount()} long) and returns how many there are. Each predicate is on
     * a key column, by table ordinal; values are canonical values of the column type, other numeric and temporal
     * classes are compared exactly by value. Range/In/StartsWith never match NULL; IsNull does.
     *
     * @throws BasaltException INTERNAL_ERROR when a predicate is not on a key column or does not fit its type
     */
    public int lookup(List<ColumnPredicate> keyPredicates, int[] positionsOut)
    {
        requireNonNull(keyPredicates, "keyPredicates is null");
        if (positionsOut.length < entries) {
            throw new IllegalArgumentException("positionsOut holds " + positionsOut.length + " positions, the index has " + entries + " entries");
        }
        List<KeyCondition> conditions = compile(keyPredicates);
        if (conditions == null) {
            return 0;
        }
        List<KeyCondition> residual = new ArrayList<>();
        Ranges ranges = search(conditions, residual);
        KeyCondition[] filters = residual.toArray(new KeyCondition[0]);
        int count = 0;
        for (int r = 0; r < ranges.count; r++) {
            for (int entry = ranges.starts[r]; entry < ranges.ends[r]; entry++) {
                if (matchesAll(entry, filters)) {
                    positionsOut[count++] = position(entry);
                }
            }
        }
        sortPositions(positionsOut, count);
        return count;
    }

    /** True when a covered row has exactly this key (no NULL components: a key with a NULL is never contained). */
    public boolean containsKey(Object[] key)
    {
        return findKey(key) >= 0;
    }

    /** The first entry whose key equals {@code key} (canonical values), or -1; -1 too when {@code key} has a NULL. */
    public int findKey(Object[] key)
    {
        if (key.length != keyKinds.length) {
            throw new IllegalArgumentException("key has " + key.length + " values, the index " + keyKinds.length + " columns");
        }
        List<KeyCondition> conditions = new ArrayList<>(key.length);
        for (int k = 0; k < key.length; k++) {
            if (key[k] == null) {
                return -1;
            }
            KeyCondition condition = KeyCondition.compile(new ColumnPredicate.Range(keyOrdinals[k], key[k], true, key[k], true), k, keyTypes[k], keyKinds[k]);
            if (condition.isEmpty()) {
                return -1;
            }
            conditions.add(condition);
        }
        List<KeyCondition> residual = new ArrayList<>();
        Ranges ranges = search(conditions, residual);
        KeyCondition[] filters = residual.toArray(new KeyCondition[0]);
        for (int r = 0; r < ranges.count; r++) {
            for (int entry = ranges.starts[r]; entry < ranges.ends[r]; entry++) {
                if (matchesAll(entry, filters)) {
                    return entry;
                }
            }
        }
        return -1;
    }

    /** Conditions per predicate; null when one of them can match nothing. */
    private List<KeyCondition> compile(List<ColumnPredicate> keyPredicates)
    {
        List<KeyCondition> conditions = new ArrayList<>(keyPredicates.size());
        for (ColumnPredicate predicate : keyPredicates) {
            int keyColumn = keyColumnOf(predicate.column());
            KeyCondition condition = KeyCondition.compile(predicate, keyColumn, keyTypes[keyColumn], keyKinds[keyColumn]);
            if (condition.isEmpty()) {
                return null;
            }
            conditions.add(condition);
        }
        return conditions;
    }

    private int keyColumnOf(int tableOrdinal)
    {
        for (int k = 0; k < keyOrdinals.length; k++) {
            if (keyOrdinals[k] == tableOrdinal) {
                return k;
            }
        }
        throw new BasaltException(ErrorCode.INTERNAL_ERROR, "index \"" + index.name() + "\" has no key column with table ordinal " + tableOrdinal);
    }

    /** Disjoint ascending entry ranges [starts[i], ends[i]). */
    private static final class Ranges
    {
        int[] starts = new int[4];
        int[] ends = new int[4];
        int count;

        void add(int start, int end)
        {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
            }
            starts[count] = start;
            ends[count] = end;
            count++;
        }
    }

    /**
     * Binary-searches key columns 0, 1, ... as long as each searched column was constrained to single keys (so
     * the next column is sorted within every range); conditions it could not search go to {@code residual}.
     */
    private Ranges search(List<KeyCondition> conditions, List<KeyCondition> residual)
    {
        Ranges ranges = new Ranges();
        ranges.add(0, entries);
        boolean[] used = new boolean[conditions.size()];
        for (int k = 0; k < keyKinds.length && ranges.count > 0; k++) {
            boolean searched = false;
            boolean points = false;
            for (int c = 0; c < conditions.size(); c++) {
                KeyCondition condition = conditions.get(c);
                if (condition.keyColumn == k) {
                    ranges = refine(ranges, condition);
                    used[c] = true;
                    searched = true;
                    points |= condition.pointsOnly;
                }
            }
            if (!searched || !points) {
                break;
            }
        }
        for (int c = 0; c < conditions.size(); c++) {
            if (!used[c]) {
                residual.add(conditions.get(c));
            }
        }
        return ranges;
    }

    /** Within each range (sorted on the condition's column, NULLs last), the sub-ranges that satisfy it. */
    private Ranges refine(Ranges ranges, KeyCondition condition)
    {
        Ranges result = new Ranges();
        int k = condition.keyColumn;
        for (int r = 0; r < ranges.count; r++) {
            int start = ranges.starts[r];
            int end = ranges.ends[r];
            int nullStart = firstNull(k, start, end);
            for (int i = 0; i < condition.count; i++) {
                int low = firstAboveLow(condition, i, start, nullStart);
                int high = firstAboveHigh(condition, i, low, nullStart);
                if (low < high) {
                    result.add(low, high);
                }
                start = high;
            }
            if (condition.matchesNull && nullStart < end) {
                result.add(nullStart, end);
            }
        }
        return result;
    }

    private int firstNull(int k, int start, int end)
    {
        if (nullCount[k] == 0) {
            return end;
        }
        int low = start;
        int high = end;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (isNull(middle, k)) {
                high = middle;
            }
            else {
                low = middle + 1;
            }
        }
        return low;
    }

    /** First entry in [start, end) that satisfies the low bound of interval i (the bound test is monotonic). */
    private int firstAboveLow(KeyCondition condition, int i, int start, int end)
    {
        int low = start;
        int high = end;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (satisfiesLow(middle, condition, i)) {
                high = middle;
            }
            else {
                low = middle + 1;
            }
        }
        return low;
    }

    /** First entry in [start, end) that no longer satisfies the high bound of interval i. */
    private int firstAboveHigh(KeyCondition condition, int i, int start, int end)
    {
        int low = start;
        int high = end;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (satisfiesHigh(middle, condition, i)) {
                low = middle + 1;
            }
            else {
                high = middle;
            }
        }
        return low;
    }

    private boolean satisfiesLow(int entry, KeyCondition condition, int i)
    {
        int k = condition.keyColumn;
        return switch (condition.kind) {
            case LONG -> longKey(k, entry) >= condition.low[i];
            case INT128 -> compareWide(k, entry, condition.lowHigh[i], condition.low[i]) >= 0;
            case BYTES -> {
                byte[] bound = condition.lowBytes[i];
                if (bound == null) {
                    yield true;
                }
                int order = compareBytes(k, entry, bound);
                yield condition.lowInclusive[i] ? order >= 0 : order > 0;
            }
            case NONE -> false;
        };
    }

    private boolean satisfiesHigh(int entry, KeyCondition condition, int i)
    {
        int k = condition.keyColumn;
        return switch (condition.kind) {
            case LONG -> longKey(k, entry) <= condition.high[i];
            case INT128 -> compareWide(k, entry, condition.highHigh[i], condition.high[i]) <= 0;
            case BYTES -> {
                byte[] bound = condition.highBytes[i];
                if (bound == null) {
                    yield true;
                }
                int order = compareBytes(k, entry, bound);
                yield condition.highInclusive[i] ? order <= 0 : order < 0;
            }
            case NONE -> false;
        };
    }

    private boolean matchesAll(int entry, KeyCondition[] filters)
    {
        for (KeyCondition filter : filters) {
            if (!matches(entry, filter)) {
                return false;
            }
        }
        return true;
    }

    private boolean matches(int entry, KeyCondition condition)
    {
        if (isNull(entry, condition.keyColumn)) {
            return condition.matchesNull;
        }
        // The last interval whose low bound the entry satisfies is the only one that can hold it.
        int low = 0;
        int high = condition.count;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (satisfiesLow(entry, condition, middle)) {
                low = middle + 1;
            }
            else {
                high = middle;
            }
        }
        return low > 0 && satisfiesHigh(entry, condition, low - 1);
    }

    /** Ascending order: a bitmap pass when many positions matched, else a primitive sort. */
    private void sortPositions(int[] positions, int count)
    {
        if (count < 2) {
            return;
        }
        if (count < rowCount >>> 5) {
            Arrays.sort(positions, 0, count);
            return;
        }
        long[] bitmap = new long[(rowCount + 63) >>> 6];
        for (int i = 0; i < count; i++) {
            bitmap[positions[i] >>> 6] |= 1L << positions[i];
        }
        int out = 0;
        for (int word = 0; word < bitmap.length; word++) {
            long bitsLeft = bitmap[word];
            while (bitsLeft != 0) {
                positions[out++] = (word << 6) + Long.numberOfTrailingZeros(bitsLeft);
                bitsLeft &= bitsLeft - 1;
            }
        }
    }

    // ---- key access -----------------------------------------------------------------------------------------------

    /** The LONG key of an entry (the order-preserving transform for REAL/DOUBLE); meaningless for a NULL. */
    long longKey(int k, int entry)
    {
        if (encoding[k] == IndexFormat.ENCODING_FOR) {
            long bitPosition = (long) entry * bits[k];
            long word = LittleEndian.getLong(data, valuesOffset[k] + (int) (bitPosition >>> 3));
            return base[k] + ((word >>> (bitPosition & 7)) & ((1L << bits[k]) - 1));
        }
        return LittleEndian.getLong(data, valuesOffset[k] + 8 * entry);
    }

    private int compareWide(int k, int entry, long boundHigh, long boundLow)
    {
        int offset = valuesOffset[k] + 16 * entry;
        int order = Long.compare(LittleEndian.getLong(data, offset + 8), boundHigh);
        return order != 0 ? order : Long.compareUnsigned(LittleEndian.getLong(data, offset), boundLow);
    }

    private int stringStart(int k, int entry)
    {
        return bytesOffset[k] + stringOffset(k, entry);
    }

    /** End of the entry's bytes; checks (cheaply, per access) that the offsets are ordered and inside the section. */
    private int stringEnd(int k, int entry)
    {
        int start = stringOffset(k, entry);
        int end = stringOffset(k, entry + 1);
        if (end < start) {
            throw corrupted("string offsets of key column " + k + " go backwards at entry " + entry);
        }
        return bytesOffset[k] + end;
    }

    private int stringOffset(int k, int entry)
    {
        int offset = LittleEndian.getInt(data, valuesOffset[k] + 4 * entry);
        if (offset < 0 || offset > bytesLength[k]) {
            throw corrupted("string offset " + offset + " of key column " + k + " outside its " + bytesLength[k] + " bytes");
        }
        return offset;
    }

    private int compareBytes(int k, int entry, byte[] bound)
    {
        return Arrays.compareUnsigned(data, stringStart(k, entry), stringEnd(k, entry), bound, 0, bound.length);
    }

    /**
     * Compares the key of {@code entry} with the key of {@code otherEntry} in another row group's index of the same
     * index (same key types): SQL order, NULLs last in each column.
     */
    public int compareKeys(int entry, RowGroupIndex other, int otherEntry)
    {
        for (int k = 0; k < keyKinds.length; k++) {
            boolean thisNull = isNull(entry, k);
            boolean otherNull = other.isNull(otherEntry, k);
            if (thisNull || otherNull) {
                if (thisNull && otherNull) {
                    continue;
                }
                return thisNull ? 1 : -1;
            }
            int order = switch (keyKinds[k]) {
                case LONG -> Long.compare(longKey(k, entry), other.longKey(k, otherEntry));
                case INT128 -> {
                    int offset = other.valuesOffset[k] + 16 * otherEntry;
                    yield compareWide(k, entry, LittleEndian.getLong(other.data, offset + 8), LittleEndian.getLong(other.data, offset));
                }
                case BYTES -> Arrays.compareUnsigned(data, stringStart(k, entry), stringEnd(k, entry),
                        other.data, other.stringStart(k, otherEntry), other.stringEnd(k, otherEntry));
                case NONE -> 0;
            };
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    /** First entry in [from, entryCount()) whose key is >= the key of {@code otherEntry} of {@code other}. */
    public int lowerBound(RowGroupIndex other, int otherEntry, int from)
    {
        int low = from;
        int high = entries;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (compareKeys(middle, other, otherEntry) < 0) {
                low = middle + 1;
            }
            else {
                high = middle;
            }
        }
        return low;
    }

    /** Checks that two indexes can be compared key by key (same index, same key kinds and types). */
    boolean sameKeys(RowGroupIndex other)
    {
        return Arrays.equals(keyKinds, other.keyKinds) && Arrays.equals(keyTypes, other.keyTypes);
    }

    @Override
    public String toString()
    {
        return "RowGroupIndex{" + index.name() + ", file=" + file + ", rows=" + rowCount + ", entries=" + entries + ", bytes=" + data.length + "}";
    }
}
