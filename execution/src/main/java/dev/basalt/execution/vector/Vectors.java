package dev.basalt.execution.vector;

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
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** Helpers to create Arrow vectors of a SQL type and to view their buffers as {@link MemorySegment}s. */
public final class Vectors
{
    /** Physical width codes returned by {@link #width}. */
    public static final int BIT = 0;
    public static final int VARIABLE = -1;
    public static final int NONE = -2;

    private Vectors() {}

    public static FieldVector create(DataType type, String name, BufferAllocator allocator)
    {
        return (FieldVector) type.toField(name, true).createVector(allocator);
    }

    /** VARCHAR and BLOB: offsets plus bytes, compared and hashed byte-wise by the same code. */
    public static boolean isVariableWidth(DataType type)
    {
        return type instanceof VarcharType || type instanceof BlobType;
    }

    /** Bytes per value of the type's vector; {@link #BIT} for BOOLEAN, {@link #VARIABLE} for VARCHAR, {@link #NONE} for NULL. */
    public static int width(DataType type)
    {
        return switch (type) {
            case BooleanType t -> BIT;
            case SmallintType t -> 2;
            case IntegerType t -> 4;
            case DateType t -> 4;
            case RealType t -> 4;
            case BigintType t -> 8;
            case DoubleType t -> 8;
            case TimestampType t -> 8;
            case DecimalType t -> t.isShort() ? 8 : 16;
            case IntervalType t -> 16;
            case VarcharType _, BlobType _ -> VARIABLE;
            case NullType t -> NONE;
        };
    }

    /** A segment over the whole capacity of a buffer. */
    public static MemorySegment segment(ArrowBuf buffer)
    {
        long capacity = buffer.capacity();
        if (capacity == 0) {
            return MemorySegment.NULL;
        }
        return MemorySegment.ofAddress(buffer.memoryAddress()).reinterpret(capacity);
    }

    public static MemorySegment data(FieldVector vector)
    {
        if (vector instanceof NullVector) {
            // All values are NULL; readers check validity first, but give them zeros of any width to read.
            return MemorySegment.ofArray(new long[2 * Math.max(vector.getValueCount(), 1)]);
        }
        return segment(vector.getDataBuffer());
    }

    public static MemorySegment offsets(FieldVector vector)
    {
        return segment(vector.getOffsetBuffer());
    }

    /** The validity bitmap, or null when the vector has no NULLs among its first {@code valueCount} values. */
    public static MemorySegment validity(FieldVector vector)
    {
        if (vector instanceof NullVector) {
            return MemorySegment.ofArray(new long[(vector.getValueCount() >>> 6) + 1]);
        }
        if (vector.getNullCount() == 0) {
            return null;
        }
        return segment(vector.getValidityBuffer());
    }

    public static MemorySegment validityAlways(FieldVector vector)
    {
        if (vector instanceof NullVector) {
            return MemorySegment.ofArray(new long[(vector.getValueCount() >>> 6) + 1]);
        }
        return segment(vector.getValidityBuffer());
    }

    /**
     * Makes a fixed-width vector hold at least {@code count} values and sets its value count. Contents are not
     * preserved when it has to grow (callers overwrite every value they later read).
     */
    public static void prepareFixed(FieldVector vector, int count)
    {
        BaseFixedWidthVector fixed = (BaseFixedWidthVector) vector;
        if (fixed.getValueCapacity() < count) {
            fixed.allocateNew(Math.max(count, 64));
        }
        fixed.setValueCount(count);
    }

    /** Grows a fixed-width vector to hold {@code count} values, preserving contents. */
    public static void ensureFixedCapacity(FieldVector vector, int count)
    {
        BaseFixedWidthVector fixed = (BaseFixedWidthVector) vector;
        if (fixed.getValueCapacity() == 0 && count > 0) {
            fixed.allocateNew(Math.max(count, 64));
        }
        while (fixed.getValueCapacity() < count) {
            fixed.reAlloc();
        }
    }

    /** Grows a variable-width vector to hold {@code count} values and {@code bytes} data bytes, preserving contents. */
    public static void ensureVariableCapacity(FieldVector vector, int count, long bytes)
    {
        BaseVariableWidthVector variable = (BaseVariableWidthVector) vector;
        if (variable.getValueCapacity() == 0 && variable.getByteCapacity() == 0) {
            variable.allocateNew(Math.max(bytes, 1024), Math.max(count, 64));
        }
        while (variable.getValueCapacity() < count) {
            variable.reallocValidityAndOffsetBuffers();
        }
        if (variable.getDataBuffer().capacity() < bytes) {
            variable.reallocDataBuffer(Math.max(bytes, variable.getDataBuffer().capacity() * 2));
        }
    }

    /** Value {@code position} of a 2-, 4- or 8-byte integer buffer (SMALLINT/INTEGER/BIGINT layout) as a long. */
    public static long getIntegral(MemorySegment data, int width, int position)
    {
        return switch (width) {
            case 8 -> data.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, position);
            case 4 -> data.getAtIndex(ValueLayout.JAVA_INT_UNALIGNED, position);
            default -> data.getAtIndex(ValueLayout.JAVA_SHORT_UNALIGNED, position);
        };
    }

    /** Stores {@code value}, narrowed to a 2-, 4- or 8-byte integer, at {@code position}. */
    public static void setIntegral(MemorySegment data, int width, int position, long value)
    {
        switch (width) {
            case 8 -> data.setAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, position, value);
            case 4 -> data.setAtIndex(ValueLayout.JAVA_INT_UNALIGNED, position, (int) value);
            default -> data.setAtIndex(ValueLayout.JAVA_SHORT_UNALIGNED, position, (short) value);
        }
    }

    /** Marks the first {@code count} values of a vector present. */
    public static void setAllValid(FieldVector vector, int count)
    {
        Bitmaps.setAll(validityAlways(vector), count);
    }

    public static void closeQuietly(AutoCloseable closeable)
    {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        }
        catch (Exception ignored) {
            // Closing on an error path: the first failure is the one worth reporting.
        }
    }

    /** Makes room for {@code count} values in a vector of any type (contents unspecified, all offsets zero). */
    public static void ensureCapacity(FieldVector vector, DataType type, int count)
    {
        int width = width(type);
        if (width == NONE) {
            return;
        }
        if (width == VARIABLE) {
            ensureVariableCapacity(vector, count + 1, 0);
            return;
        }
        ensureFixedCapacity(vector, count);
    }
}
