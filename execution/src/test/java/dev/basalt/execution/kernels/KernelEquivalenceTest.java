package dev.basalt.execution.kernels;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every {@link VectorKernels} kernel equals its {@link ScalarKernels} twin on random data with NULLs, odd lengths,
 * extreme values and selections.
 */
class KernelEquivalenceTest
{
    private static final KernelProvider SCALAR = Kernels.scalar();
    private static final KernelProvider VECTOR = Kernels.vector();

    /** Random test input in native memory (like Arrow buffers). */
    private static final class Input
            implements AutoCloseable
    {
        final Arena arena = Arena.ofConfined();
        final int count;
        final MemorySegment longs;
        final MemorySegment longs2;
        final MemorySegment ints;
        final MemorySegment ints2;
        final MemorySegment doubles;
        final MemorySegment doubles2;
        final MemorySegment wide;
        final MemorySegment validity;
        final MemorySegment validity2;
        final int[] rows;
        final long[] longValues;
        final int[] intValues;

        Input(long seed, int count, boolean small)
        {
            Random random = new Random(seed);
            this.count = count;
            longs = arena.allocate(8L * count + 8);
            longs2 = arena.allocate(8L * count + 8);
            ints = arena.allocate(4L * count + 8);
            ints2 = arena.allocate(4L * count + 8);
            doubles = arena.allocate(8L * count + 8);
            doubles2 = arena.allocate(8L * count + 8);
            wide = arena.allocate(16L * count + 16);
            validity = arena.allocate(count / 8 + 16);
            validity2 = arena.allocate(count / 8 + 16);
            longValues = new long[count];
            intValues = new int[count];
            double nullRate = random.nextInt(3) == 0 ? 0 : random.nextDouble() * 0.5;
            for (int i = 0; i < count; i++) {
                long value = small ? random.nextInt(2001) - 1000 : randomLong(random);
                longValues[i] = value;
                longs.setAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, i, value);
                longs2.setAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, i, small ? random.nextInt(2001) - 1000 : randomLong(random));
                int intValue = small ? random.nextInt(2001) - 1000 : (int) randomLong(random);
                intValues[i] = intValue;
                ints.setAtIndex(ValueLayout.JAVA_INT_UNALIGNED, i, intValue);
                ints2.setAtIndex(ValueLayout.JAVA_INT_UNALIGNED, i, small ? random.nextInt(2001) - 1000 : random.nextInt());
                doubles.setAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, i, small ? random.nextInt(2001) - 1000 : random.nextGaussian() * 1e6);
                doubles2.setAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, i, small ? random.nextInt(2001) - 1000 : random.nextGaussian() * 1e6);
                long low = random.nextLong();
                long high = small ? (low >> 63) : random.nextLong() >> random.nextInt(64);
                wide.setAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, 2L * i, low);
                wide.setAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, 2L * i + 1, high);
                setBit(validity, i, random.nextDouble() >= nullRate);
                setBit(validity2, i, random.nextDouble() >= nullRate);
            }
            double density = random.nextDouble();
            int[] selected = new int[count];
            int n = 0;
            for (int i = 0; i < count; i++) {
                if (random.nextDouble() < density) {
                    selected[n++] = i;
                }
            }
            rows = Arrays.copyOf(selected, n);
        }

        private static long randomLong(Random random)
        {
            return switch (random.nextInt(6)) {
                case 0 -> Long.MAX_VALUE - random.nextInt(3);
                case 1 -> Long.MIN_VALUE + random.nextInt(3);
                case 2 -> random.nextInt(100) - 50;
                default -> random.nextLong() >> random.nextInt(64);
            };
        }

        private static void setBit(MemorySegment bitmap, int position, boolean value)
        {
            byte old = bitmap.get(ValueLayout.JAVA_BYTE, position >>> 3);
            int mask = 1 << (position & 7);
            bitmap.set(ValueLayout.JAVA_BYTE, position >>> 3, (byte) (value ? old | mask : old & ~mask));
        }

        @Override
        public void close()
        {
            arena.close();
        }
    }

    private static int[] select(KernelProvider kernels, Input input, SelectCall call, boolean withValidity, boolean withRows)
    {
        int count = withRows ? input.rows.length : input.count;
        int[] out = new int[count + 1];
        int n = call.apply(kernels, withValidity ? input.validity : null, withRows ? input.rows : null, count, out);
        return Arrays.copyOf(out, n);
    }

    private interface SelectCall
    {
        int apply(KernelProvider kernels, MemorySegment validity, int[] rows, int count, int[] out);
    }

    private static void assertSameSelection(Input input, SelectCall call)
    {
        for (boolean withValidity : new boolean[] {false, true}) {
            for (boolean withRows : new boolean[] {false, true}) {
                assertArrayEquals(select(SCALAR, input, call, withValidity, withRows), select(VECTOR, input, call, withValidity, withRows),
                        "validity=" + withValidity + " rows=" + withRows);
            }
        }
    }

    @Property(tries = 150)
    void comparisonsWithConstants(@ForAll long seed, @ForAll @IntRange(min = 0, max = 300) int count, @ForAll boolean small)
    {
        try (Input input = new Input(seed, count, small)) {
            long constant = count == 0 ? 0 : input.longValues[new Random(seed).nextInt(count)];
            int intConstant = count == 0 ? 0 : input.intValues[new Random(seed + 1).nextInt(count)];
            double doubleConstant = count == 0 ? 0 : input.doubles.getAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, new Random(seed + 2).nextInt(count));
            for (CompareOp op : CompareOp.values()) {
                assertSameSelection(input, (k, v, r, c, o) -> k.selectLong(op, input.longs, v, r, c, constant, o));
                assertSameSelection(input, (k, v, r, c, o) -> k.selectInt(op, input.ints, v, r, c, intConstant, o));
                assertSameSelection(input, (k, v, r, c, o) -> k.selectDouble(op, input.doubles, v, r, c, doubleConstant, o));
                assertSameSelection(input, (k, v, r, c, o) -> k.selectLongColumns(op, input.longs, v, input.longs2, input.validity2, r, c, o));
                assertSameSelection(input, (k, v, r, c, o) -> k.selectIntColumns(op, input.ints, v, input.ints2, null, r, c, o));
                assertSameSelection(input, (k, v, r, c, o) -> k.selectDoubleColumns(op, input.doubles, v, input.doubles2, input.validity2, r, c, o));
            }
            assertSameSelection(input, (k, v, r, c, o) -> k.selectLongRange(input.longs, v, r, c, -100, constant, o));
            assertSameSelection(input, (k, v, r, c, o) -> k.selectIntRange(input.ints, v, r, c, intConstant, intConstant + 500, o));
        }
    }

    private interface ArithmeticCall
    {
        boolean apply(KernelProvider kernels, MemorySegment out);
    }

    private static void assertSameArithmetic(Input input, ArithmeticCall call)
    {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment scalarOut = arena.allocate(8L * input.count + 8);
            MemorySegment vectorOut = arena.allocate(8L * input.count + 8);
            boolean scalarFlag = call.apply(SCALAR, scalarOut);
            boolean vectorFlag = call.apply(VECTOR, vectorOut);
            assertEquals(scalarFlag, vectorFlag, "overflow flag");
            assertEquals(-1, scalarOut.asSlice(0, 8L * input.count).mismatch(vectorOut.asSlice(0, 8L * input.count)), "results");
        }
    }

    @Property(tries = 150)
    void arithmetic(@ForAll long seed, @ForAll @IntRange(min = 0, max = 300) int count, @ForAll boolean small)
    {
        try (Input input = new Input(seed, count, small)) {
            int n = input.count;
            assertSameArithmetic(input, (k, o) -> k.addLong(input.longs, input.longs2, o, n));
            assertSameArithmetic(input, (k, o) -> k.addLongConstant(input.longs, 77, o, n));
            assertSameArithmetic(input, (k, o) -> k.subtractLong(input.longs, input.longs2, o, n));
            assertSameArithmetic(input, (k, o) -> k.subtractLongConstant(input.longs, -5, o, n));
            assertSameArithmetic(input, (k, o) -> k.constantSubtractLong(100, input.longs, o, n));
            assertSameArithmetic(input, (k, o) -> k.multiplyLong(input.longs, input.longs2, o, n));
            assertSameArithmetic(input, (k, o) -> k.multiplyLongConstant(input.longs, 3, o, n));
            assertSameArithmetic(input, (k, o) -> {
                k.addDouble(input.doubles, input.doubles2, o, n);
                return false;
            });
            assertSameArithmetic(input, (k, o) -> {
                k.addDoubleConstant(input.doubles, 0.5, o, n);
                return false;
            });
            assertSameArithmetic(input, (k, o) -> {
                k.subtractDouble(input.doubles, input.doubles2, o, n);
                return false;
            });
            assertSameArithmetic(input, (k, o) -> {
                k.subtractDoubleConstant(input.doubles, 1.5, o, n);
                return false;
            });
            assertSameArithmetic(input, (k, o) -> {
                k.constantSubtractDouble(1.0, input.doubles, o, n);
                return false;
            });
            assertSameArithmetic(input, (k, o) -> {
                k.multiplyDouble(input.doubles, input.doubles2, o, n);
                return false;
            });
            assertSameArithmetic(input, (k, o) -> {
                k.multiplyDoubleConstant(input.doubles, 1.25, o, n);
                return false;
            });
            assertSameArithmetic(input, (k, o) -> {
                k.divideDouble(input.doubles, input.doubles2, o, n);
                return false;
            });
        }
    }

    @Property(tries = 150)
    void overflowFlagIsRaisedWhenSomeResultOverflows(@ForAll long seed, @ForAll @IntRange(min = 1, max = 300) int count)
    {
        try (Input input = new Input(seed, count, false); Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(8L * count + 8);
            boolean anyOverflow = false;
            for (int i = 0; i < count; i++) {
                long a = input.longs.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, i);
                long b = input.longs2.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, i);
                long r = a + b;
                anyOverflow |= ((a ^ r) & (b ^ r)) < 0;
            }
            assertEquals(anyOverflow, VECTOR.addLong(input.longs, input.longs2, out, count));
            boolean anyProductOverflow = false;
            for (int i = 0; i < count; i++) {
                long a = input.longs.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, i);
                long b = input.longs2.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, i);
                anyProductOverflow |= Math.multiplyHigh(a, b) != ((a * b) >> 63);
            }
            if (anyProductOverflow) {
                assertTrue(VECTOR.multiplyLong(input.longs, input.longs2, out, count), "a real product overflow must raise the flag");
            }
        }
    }

    @Property(tries = 150)
    void reductions(@ForAll long seed, @ForAll @IntRange(min = 0, max = 300) int count, @ForAll boolean small)
    {
        try (Input input = new Input(seed, count, small)) {
            for (boolean withValidity : new boolean[] {false, true}) {
                for (boolean withRows : new boolean[] {false, true}) {
                    MemorySegment validity = withValidity ? input.validity : null;
                    int[] rows = withRows ? input.rows : null;
                    int n = withRows ? input.rows.length : input.count;
                    String context = "validity=" + withValidity + " rows=" + withRows;
                    long[] scalarSum = {3, -7};
                    long[] vectorSum = {3, -7};
                    SCALAR.sumLong(input.longs, validity, rows, n, scalarSum);
                    VECTOR.sumLong(input.longs, validity, rows, n, vectorSum);
                    assertArrayEquals(scalarSum, vectorSum, "sumLong " + context);
                    assertEquals(SCALAR.sumInt(input.ints, validity, rows, n), VECTOR.sumInt(input.ints, validity, rows, n), "sumInt " + context);
                    double scalarDouble = SCALAR.sumDouble(input.doubles, validity, rows, n);
                    double vectorDouble = VECTOR.sumDouble(input.doubles, validity, rows, n);
                    assertEquals(scalarDouble, vectorDouble, 1e-9 * Math.max(1, Math.abs(scalarDouble)) + 1e-6, "sumDouble " + context);
                    assertEquals(SCALAR.minLong(input.longs, validity, rows, n), VECTOR.minLong(input.longs, validity, rows, n), "minLong " + context);
                    assertEquals(SCALAR.maxLong(input.longs, validity, rows, n), VECTOR.maxLong(input.longs, validity, rows, n), "maxLong " + context);
                    assertEquals(SCALAR.minInt(input.ints, validity, rows, n), VECTOR.minInt(input.ints, validity, rows, n), "minInt " + context);
                    assertEquals(SCALAR.maxInt(input.ints, validity, rows, n), VECTOR.maxInt(input.ints, validity, rows, n), "maxInt " + context);
                    assertEquals(SCALAR.minDouble(input.doubles, validity, rows, n), VECTOR.minDouble(input.doubles, validity, rows, n), "minDouble " + context);
                    assertEquals(SCALAR.maxDouble(input.doubles, validity, rows, n), VECTOR.maxDouble(input.doubles, validity, rows, n), "maxDouble " + context);
                    assertEquals(SCALAR.countPresent(validity, rows, n), VECTOR.countPresent(validity, rows, n), "countPresent " + context);
                    long[] scalarWide = {0, 5};
                    long[] vectorWide = {0, 5};
                    boolean scalarOverflow = SCALAR.sumInt128(input.wide, validity, rows, n, scalarWide);
                    boolean vectorOverflow = VECTOR.sumInt128(input.wide, validity, rows, n, vectorWide);
                    if (small) {
                        // values fit 64 bits, so the sums cannot overflow and must agree exactly
                        assertEquals(false, scalarOverflow);
                        assertEquals(false, vectorOverflow);
                        assertArrayEquals(scalarWide, vectorWide, "sumInt128 " + context);
                    }
                    else if (!scalarOverflow && !vectorOverflow) {
                        assertArrayEquals(scalarWide, vectorWide, "sumInt128 " + context);
                    }
                }
            }
        }
    }

    @Test
    void sumLongIsExactBeyondSixtyFourBits()
    {
        try (Arena arena = Arena.ofConfined()) {
            int count = 100;
            MemorySegment data = arena.allocate(8L * count);
            for (int i = 0; i < count; i++) {
                data.setAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, i, Long.MAX_VALUE);
            }
            for (KernelProvider kernels : new KernelProvider[] {SCALAR, VECTOR}) {
                long[] sum = {0, 0};
                kernels.sumLong(data, null, null, count, sum);
                java.math.BigInteger expected = java.math.BigInteger.valueOf(Long.MAX_VALUE).multiply(java.math.BigInteger.valueOf(count));
                assertEquals(expected.shiftRight(64).longValue(), sum[0], kernels.name());
                assertEquals(expected.longValue(), sum[1], kernels.name());
            }
        }
    }

    @Test
    void facadePicksVectorKernelsWhenTheModuleIsPresent()
    {
        assertTrue(Kernels.vectorModulePresent());
        assertTrue(Kernels.isVectorized(), "tests run with --add-modules=jdk.incubator.vector");
        assertEquals("scalar", SCALAR.name());
    }
}
