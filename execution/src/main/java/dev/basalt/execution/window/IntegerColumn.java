package dev.basalt.execution.window;

import dev.basalt.execution.vector.Bitmaps;
import dev.basalt.execution.vector.ColumnStore;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.BigintType;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.IntegerType;
import dev.basalt.spi.type.NullType;
import dev.basalt.spi.type.SmallintType;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** An integer argument of a window function (NTILE buckets, LAG/LEAD offset, NTH_VALUE n) read by input row. */
final class IntegerColumn
{
    private final MemorySegment data;
    private final MemorySegment validity;
    private final DataType type;

    IntegerColumn(ColumnStore store, int column)
    {
        this.type = store.types().get(column);
        if (!(type instanceof SmallintType || type instanceof IntegerType || type instanceof BigintType || type instanceof NullType)) {
            throw new BasaltException(ErrorCode.DATATYPE_MISMATCH, "window function argument must be an integer, not " + type.sqlName());
        }
        this.data = Vectors.data(store.vector(column));
        this.validity = Vectors.validity(store.vector(column));
    }

    boolean isNull(int row)
    {
        return type instanceof NullType || !Bitmaps.isSet(validity, row);
    }

    long get(int row)
    {
        return switch (type) {
            case SmallintType t -> data.getAtIndex(ValueLayout.JAVA_SHORT_UNALIGNED, row);
            case IntegerType t -> data.getAtIndex(ValueLayout.JAVA_INT_UNALIGNED, row);
            default -> data.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, row);
        };
    }
}
