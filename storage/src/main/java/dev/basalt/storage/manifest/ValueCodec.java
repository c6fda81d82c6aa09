package dev.basalt.storage.manifest;

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
import dev.basalt.storage.format.ByteSink;
import dev.basalt.storage.format.ByteSource;
import dev.basalt.storage.format.CorruptedDataException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Binary form of a zone-map bound in the manifest, by column type: fixed-width little-endian numbers,
 * DECIMAL as its unscaled two's-complement bytes (the scale is the column's), VARCHAR as UTF-8, DATE as epoch
 * days, TIMESTAMP as epoch microseconds.
 */
final class ValueCodec
{
    private ValueCodec() {}

    /** False when the type has no stored form for bounds (the bound is then omitted). */
    static boolean supports(DataType type)
    {
        return !(type instanceof IntervalType) && !(type instanceof NullType);
    }

    static void write(ByteSink out, DataType type, Object value)
    {
        switch (type) {
            case BooleanType t -> out.writeByte((Boolean) value ? 1 : 0);
            case SmallintType t -> out.writeShort((Short) value);
            case IntegerType t -> out.writeInt((Integer) value);
            case BigintType t -> out.writeLong((Long) value);
            case RealType t -> out.writeInt(Float.floatToRawIntBits((Float) value));
            case DoubleType t -> out.writeLong(Double.doubleToRawLongBits((Double) value));
            case DecimalType t -> {
                byte[] unscaled = ((BigDecimal) value).setScale(t.scale()).unscaledValue().toByteArray();
                out.writeInt(unscaled.length);
                out.writeBytes(unscaled, 0, unscaled.length);
            }
            case VarcharType t -> out.writeString((String) value);
            case BlobType t -> {
                byte[] bytes = (byte[]) value;
                out.writeInt(bytes.length);
                out.writeBytes(bytes, 0, bytes.length);
            }
            case DateType t -> out.writeLong(((LocalDate) value).toEpochDay());
            case TimestampType t -> out.writeLong(Values.timestampToMicros((LocalDateTime) value));
            case IntervalType t -> throw new IllegalArgumentException("no stored form for INTERVAL bounds");
            case NullType t -> throw new IllegalArgumentException("no stored form for NULL bounds");
        }
    }

    /** A column default: like a bound, plus INTERVAL (i32 months, i32 days, i64 micros). */
    static void writeDefault(ByteSink out, DataType type, Object value)
    {
        if (type instanceof IntervalType) {
            dev.basalt.spi.value.Interval interval = (dev.basalt.spi.value.Interval) value;
            out.writeInt(interval.months());
            out.writeInt(interval.days());
            out.writeLong(interval.micros());
            return;
        }
        write(out, type, value);
    }

    static Object readDefault(ByteSource in, DataType type)
    {
        if (type instanceof IntervalType) {
            return new dev.basalt.spi.value.Interval(in.readInt(), in.readInt(), in.readLong());
        }
        return read(in, type);
    }

    static Object read(ByteSource in, DataType type)
    {
        return switch (type) {
            case BooleanType t -> in.readBoolean();
            case SmallintType t -> in.readShort();
            case IntegerType t -> in.readInt();
            case BigintType t -> in.readLong();
            case RealType t -> Float.intBitsToFloat(in.readInt());
            case DoubleType t -> Double.longBitsToDouble(in.readLong());
            case DecimalType t -> {
                int length = in.readCount(64);
                if (length == 0) {
                    throw new CorruptedDataException("empty decimal bound");
                }
                yield new BigDecimal(new BigInteger(in.readBytes(length)), t.scale());
            }
            case VarcharType t -> in.readString();
            case BlobType t -> in.readBytes(in.readCount(in.remaining()));
            case DateType t -> LocalDate.ofEpochDay(in.readLong());
            case TimestampType t -> Values.microsToTimestamp(in.readLong());
            case IntervalType t -> throw new CorruptedDataException("INTERVAL bound in manifest");
            case NullType t -> throw new CorruptedDataException("NULL bound in manifest");
        };
    }
}
