package dev.basalt.benchmarks.kernels;

import dev.basalt.execution.kernels.KernelProvider;
import dev.basalt.execution.kernels.Kernels;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Random;

/** Native (Arrow-like) input columns for the kernel benchmarks: values 0..999, 10% NULLs in the validity bitmap. */
final class KernelData
        implements AutoCloseable
{
    final Arena arena = Arena.ofShared();
    final int size;
    final MemorySegment longs;
    final MemorySegment longs2;
    final MemorySegment ints;
    final MemorySegment doubles;
    final MemorySegment doubles2;
    final MemorySegment wide;
    final MemorySegment validity;
    final MemorySegment out;
    final int[] positions;
    final int[] halfRows;

    KernelData(int size)
    {
        this.size = size;
        Random random = new Random(42);
        longs = arena.allocate(8L * size, 64);
        longs2 = arena.allocate(8L * size, 64);
        ints = arena.allocate(4L * size, 64);
        doubles = arena.allocate(8L * size, 64);
        doubles2 = arena.allocate(8L * size, 64);
        wide = arena.allocate(16L * size, 64);
        validity = arena.allocate((size + 63) / 64 * 8L, 64);
        out = arena.allocate(16L * size, 64);
        positions = new int[size];
        int[] half = new int[size];
        int n = 0;
        for (int i = 0; i < size; i++) {
            long value = random.nextInt(1000);
            longs.setAtIndex(ValueLayout.JAVA_LONG, i, value);
            longs2.setAtIndex(ValueLayout.JAVA_LONG, i, random.nextInt(1000) + 1);
            ints.setAtIndex(ValueLayout.JAVA_INT, i, (int) value);
            doubles.setAtIndex(ValueLayout.JAVA_DOUBLE, i, value / 10.0);
            doubles2.setAtIndex(ValueLayout.JAVA_DOUBLE, i, random.nextInt(1000) / 10.0 + 1);
            wide.setAtIndex(ValueLayout.JAVA_LONG, 2L * i, value * 1_000_000L);
            wide.setAtIndex(ValueLayout.JAVA_LONG, 2L * i + 1, 0);
            if (random.nextInt(10) != 0) {
                long index = i >>> 3;
                validity.set(ValueLayout.JAVA_BYTE, index, (byte) (validity.get(ValueLayout.JAVA_BYTE, index) | (1 << (i & 7))));
            }
            if (random.nextBoolean()) {
                half[n++] = i;
            }
        }
        halfRows = java.util.Arrays.copyOf(half, n);
    }

    static KernelProvider provider(String name)
    {
        return switch (name) {
            case "scalar" -> Kernels.scalar();
            case "vector" -> Kernels.vector();
            default -> throw new IllegalArgumentException("kernels must be scalar or vector: " + name);
        };
    }

    @Override
    public void close()
    {
        arena.close();
    }
}
