package dev.basalt.engine.statement;

import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.IndexDefinition;
import dev.basalt.spi.catalog.RowFilter;
import dev.basalt.spi.catalog.TableSchema;
import dev.basalt.spi.type.BigintType;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DateType;
import dev.basalt.spi.type.IntegerType;
import dev.basalt.spi.type.SmallintType;
import dev.basalt.spi.value.Values;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * One unique index of a table being written, and the keys a statement has seen: those of existing rows (key to
 * row id) and those of the rows it added (key to its row number). Keys of one integral column, or of two 32-bit
 * integral columns, are packed into a long and kept in primitive maps (no boxing per row, a few bytes per key);
 * others are lists of canonical values. A key with a NULL is never stored: NULLs do not conflict.
 *
 * <p>Rows are addressed as (batch, position, columnOf), where {@code columnOf[ordinal]} is the batch column that
 * holds table column {@code ordinal}.
 */
final class UniqueKey
{
    static final long MISSING = Long.MIN_VALUE;

    private final IndexDefinition index;
    private final int[] ordinals;
    private final DataType[] types;
    private final Optional<RowFilter> filter;
    private final boolean packed;
    private final LongLongMap packedExisting = new LongLongMap();
    private final LongLongMap packedAdded = new LongLongMap();
    private final LongLongMap packedLookedUp = new LongLongMap();
    private final Map<List<Object>, Long> existing = new HashMap<>();
    private final Map<List<Object>, Long> added = new HashMap<>();
    private final Set<List<Object>> lookedUp = new HashSet<>();

    UniqueKey(IndexDefinition index, int[] ordinals, TableSchema schema, Optional<RowFilter> filter)
    {
        this.index = requireNonNull(index, "index is null");
        this.ordinals = ordinals.clone();
        this.filter = requireNonNull(filter, "filter is null");
        this.types = new DataType[ordinals.length];
        for (int i = 0; i < ordinals.length; i++) {
            types[i] = schema.column(ordinals[i]).type();
        }
        this.packed = (types.length == 1 && (isInt32(types[0]) || types[0] instanceof BigintType))
                || (types.length == 2 && isInt32(types[0]) && isInt32(types[1]));
    }

    IndexDefinition index()
    {
        return index;
    }

    int[] ordinals()
    {
        return ordinals.clone();
    }

    Optional<RowFilter> filter()
    {
        return filter;
    }

    boolean hasNull(ColumnBatch batch, int position, int[] columnOf)
    {
        for (int ordinal : ordinals) {
            if (batch.column(columnOf[ordinal]).isNull(position)) {
                return true;
            }
        }
        return false;
    }

    /** Row id of the existing row with this row's key, or {@link #MISSING}. */
    long existing(ColumnBatch batch, int position, int[] columnOf)
    {
        if (packed) {
            return packedExisting.get(pack(batch, position, columnOf), MISSING);
        }
        Long rowId = existing.get(value(batch, position, columnOf));
        return rowId == null ? MISSING : rowId;
    }

    /** Row number of the row added by this statement with this row's key, or {@link #MISSING}. */
    long added(ColumnBatch batch, int position, int[] columnOf)
    {
        if (packed) {
            return packedAdded.get(pack(batch, position, columnOf), MISSING);
        }
        Long row = added.get(value(batch, position, columnOf));
        return row == null ? MISSING : row;
    }

    void putExisting(ColumnBatch batch, int position, int[] columnOf, long rowId)
    {
        if (packed) {
            packedExisting.put(pack(batch, position, columnOf), rowId);
        }
        else {
            existing.put(value(batch, position, columnOf), rowId);
        }
    }

    void putAdded(ColumnBatch batch, int position, int[] columnOf, long row)
    {
        if (packed) {
            packedAdded.put(pack(batch, position, columnOf), row);
        }
        else {
            added.put(value(batch, position, columnOf), row);
        }
    }

    /** Records that existing rows with this key were looked up; true the first time. */
    boolean markLookedUp(ColumnBatch batch, int position, int[] columnOf)
    {
        if (packed) {
            return packedLookedUp.add(pack(batch, position, columnOf));
        }
        return lookedUp.add(value(batch, position, columnOf));
    }

    /** The key as canonical values (no NULL in it: check {@link #hasNull} first). */
    List<Object> value(ColumnBatch batch, int position, int[] columnOf)
    {
        Object[] values = new Object[ordinals.length];
        for (int i = 0; i < ordinals.length; i++) {
            values[i] = Values.read(batch.column(columnOf[ordinals[i]]), types[i], position);
        }
        return Arrays.asList(values);
    }

    private long pack(ColumnBatch batch, int position, int[] columnOf)
    {
        if (ordinals.length == 1) {
            return integral(batch.column(columnOf[ordinals[0]]), position);
        }
        long high = integral(batch.column(columnOf[ordinals[0]]), position);
        long low = integral(batch.column(columnOf[ordinals[1]]), position);
        return (high << 32) | (low & 0xFFFF_FFFFL);
    }

    private static long integral(FieldVector vector, int position)
    {
        return switch (vector) {
            case IntVector ints -> ints.get(position);
            case BigIntVector longs -> longs.get(position);
            case SmallIntVector shorts -> shorts.get(position);
            case DateDayVector days -> days.get(position);
            default -> throw new IllegalStateException("not an integral key vector: " + vector.getClass().getSimpleName());
        };
    }

    private static boolean isInt32(DataType type)
    {
        return type instanceof IntegerType || type instanceof SmallintType || type instanceof DateType;
    }
}
