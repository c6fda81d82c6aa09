package dev.basalt.storage.format;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Little-endian views of byte arrays; every Basalt file is little-endian, like Arrow buffers. */
public final class LittleEndian
{
    public static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    public static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    public static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private LittleEndian() {}

    public static short getShort(byte[] bytes, int offset)
    {
        return (short) SHORT.get(bytes, offset);
    }

    public static int getInt(byte[] bytes, int offset)
    {
        return (int) INT.get(bytes, offset);
    }

    public static long getLong(byte[] bytes, int offset)
    {
        return (long) LONG.get(bytes, offset);
    }

    public static void putShort(byte[] bytes, int offset, short value)
    {
        SHORT.set(bytes, offset, value);
    }

    public static void putInt(byte[] bytes, int offset, int value)
    {
        INT.set(bytes, offset, value);
    }

    public static void putLong(byte[] bytes, int offset, long value)
    {
        LONG.set(bytes, offset, value);
    }
}
