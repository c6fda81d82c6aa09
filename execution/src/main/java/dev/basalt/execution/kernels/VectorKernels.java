package dev.basalt.execution.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

import static dev.basalt.execution.kernels.ScalarKernels.BYTE;

/**
 * Vector API kernels (SPECIES_PREFERRED, e.g. 512-bit on AVX-512). Only {@link Kernels} loads this class, and only
 * when the {@code jdk.incubator.vector} module is present: nothing else may reference it. Loop tails and
 * selection-driven (gather) variants reuse the scalar twins in {@link ScalarKernels}.
 *
 * <p>Every comparison names its {@link VectorOperators} constant literally: the Vector API only compiles to SIMD
 * instructions when the operator is a compile-time constant.
 */
public final class VectorKernels
        implements KernelProvider
{
    private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
    private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED;
    /** Ints with as many lanes as {@link #LONGS} (half its width), for widening and for position vectors. */
    private static final VectorSpecies<Integer> HALF_INTS = halfInts();
    private static final IntVector HALF_IOTA = HALF_INTS == null ? null : IntVector.zero(HALF_INTS).addIndex(1);
    private static final IntVector IOTA = IntVector.zero(INTS).addIndex(1);

    private static VectorSpecies<Integer> halfInts()
    {
        int bits = LONGS.vectorBitSize() / 2;
        return bits >= 64 ? VectorSpecies.of(int.class, jdk.incubator.vector.VectorShape.forBitSize(bits)) : null;
    }

    /** Bit i of a byte spread to bits 2i and 2i+1: validity of 128-bit values as masks over long lanes. */
    private static final int[] SPREAD_TWO = new int[256];

    static {
        for (int b = 0; b < 256; b++) {
            int spread = 0;
            for (int bit = 0; bit < 8; bit++) {
                if ((b & (1 << bit)) != 0) {
                    spread |= 3 << (2 * bit);
                }
            }
            SPREAD_TWO[b] = spread;
        }
    }

    @Override
    public String name()
    {
        return "vector(" + LONGS.vectorBitSize() + "-bit)";
    }

    /** Validity bits of positions {@code i..i+lanes-1}; i is a multiple of lanes (lanes is 2, 4, 8 or 16). */
    private static long validityBits(MemorySegment validity, int i, int lanes)
    {
        if (lanes <= 8) {
            return ((validity.get(BYTE, i >>> 3) & 0xFF) >>> (i & 7)) & ((1L << lanes) - 1);
        }
        return validity.get(SHORT, i >>> 3) & 0xFFFFL;
    }

    /** Appends base + lane for each set bit (up to 8 lanes, e.g. long or double compares) with a SIMD compress. */
    private static int writePositions8(long bits, int base, int[] out, int n)
    {
        if (bits == 0) {
            return n;
        }
        int k = Long.bitCount(bits);
        IntVector positions = HALF_IOTA.add(base).compress(VectorMask.fromLong(HALF_INTS, bits));
        positions.intoArray(out, n, VectorMask.fromLong(HALF_INTS, (1L << k) - 1));
        return n + k;
    }

    /** Same for int compares (as many lanes as an int vector). */
    private static int writePositions16(long bits, int base, int[] out, int n)
    {
        if (bits == 0) {
            return n;
        }
        int k = Long.bitCount(bits);
        IntVector positions = IOTA.add(base).compress(VectorMask.fromLong(INTS, bits));
        positions.intoArray(out, n, VectorMask.fromLong(INTS, k == 64 ? -1L : (1L << k) - 1));
        return n + k;
    }

    private static int writePositions(long bits, int base, int lanes, int[] out, int n)
    {
        if (bits == 0) {
            return n;
        }
        if (Long.bitCount(bits) == lanes) {
            for (int j = 0; j < lanes; j++) {
                out[n + j] = base + j;
            }
            return n + lanes;
        }
        long remaining = bits;
        do {
            out[n++] = base + Long.numberOfTrailingZeros(remaining);
            remaining &= remaining - 1;
        }
        while (remaining != 0);
        return n;
    }

    private static long compareBits(LongVector v, CompareOp op, long c)
    {
        return switch (op) {
            case EQUAL -> v.compare(VectorOperators.EQ, c).toLong();
            case NOT_EQUAL -> v.compare(VectorOperators.NE, c).toLong();
            case LESS_THAN -> v.compare(VectorOperators.LT, c).toLong();
            case LESS_THAN_OR_EQUAL -> v.compare(VectorOperators.LE, c).toLong();
            case GREATER_THAN -> v.compare(VectorOperators.GT, c).toLong();
            case GREATER_THAN_OR_EQUAL -> v.compare(VectorOperators.GE, c).toLong();
        };
    }

    private static long compareBits(LongVector v, CompareOp op, LongVector w)
    {
        return switch (op) {
            case EQUAL -> v.compare(VectorOperators.EQ, w).toLong();
            case NOT_EQUAL -> v.compare(VectorOperators.NE, w).toLong();
            case LESS_THAN -> v.compare(VectorOperators.LT, w).toLong();
            case LESS_THAN_OR_EQUAL -> v.compare(VectorOperators.LE, w).toLong();
            case GREATER_THAN -> v.compare(VectorOperators.GT, w).toLong();
            case GREATER_THAN_OR_EQUAL -> v.compare(VectorOperators.GE, w).toLong();
        };
    }

    private static long compareBits(IntVector v, CompareOp op, int c)
    {
        return switch (op) {
            case EQUAL -> v.compare(VectorOperators.EQ, c).toLong();
            case NOT_EQUAL -> v.compare(VectorOperators.NE, c).toLong();
            case LESS_THAN -> v.compare(VectorOperators.LT, c).toLong();
            case LESS_THAN_OR_EQUAL -> v.compare(VectorOperators.LE, c).toLong();
            case GREATER_THAN -> v.compare(VectorOperators.GT, c).toLong();
            case GREATER_THAN_OR_EQUAL -> v.compare(VectorOperators.GE, c).toLong();
        };
    }

    private static long compareBits(IntVector v, CompareOp op, IntVector w)
    {
        return switch (op) {
            case EQUAL -> v.compare(VectorOperators.EQ, w).toLong();
            case NOT_EQUAL -> v.compare(VectorOperators.NE, w).toLong();
            case LESS_THAN -> v.compare(VectorOperators.LT, w).toLong();
            case LESS_THAN_OR_EQUAL -> v.compare(VectorOperators.LE, w).toLong();
            case GREATER_THAN -> v.compare(VectorOperators.GT, w).toLong();
            case GREATER_THAN_OR_EQUAL -> v.compare(VectorOperators.GE, w).toLong();
        };
    }

    private static long compareBits(DoubleVector v, CompareOp op, double c)
    {
        return switch (op) {
            case EQUAL -> v.compare(VectorOperators.EQ, c).toLong();
            case NOT_EQUAL -> v.compare(VectorOperators.NE, c).toLong();
            case LESS_THAN -> v.compare(VectorOperators.LT, c).toLong();
            case LESS_THAN_OR_EQUAL -> v.compare(VectorOperators.LE, c).toLong();
            case GREATER_THAN -> v.compare(VectorOperators.GT, c).toLong();
            case GREATER_THAN_OR_EQUAL -> v.compare(VectorOperators.GE, c).toLong();
        };
    }

    private static long compareBits(DoubleVector v, CompareOp op, DoubleVector w)
    {
        return switch (op) {
            case EQUAL -> v.compare(VectorOperators.EQ, w).toLong();
            case NOT_EQUAL -> v.compare(VectorOperators.NE, w).toLong();
            case LESS_THAN -> v.compare(VectorOperators.LT, w).toLong();
            case LESS_THAN_OR_EQUAL -> v.compare(VectorOperators.LE, w).toLong();
            case GREATER_THAN -> v.compare(VectorOperators.GT, w).toLong();
            case GREATER_THAN_OR_EQUAL -> v.compare(VectorOperators.GE, w).toLong();
        };
    }

    // ---- selections ------------------------------------------------------------------------------------

    @Override
    public int selectLong(CompareOp op, MemorySegment data, MemorySegment validity, int[] rows, int count, long constant, int[] out)
    {
        if (rows != null) {
            return ScalarKernels.selectLongScalar(op, data, validity, rows, 0, count, constant, out, 0);
        }
        int lanes = LONGS.length();
        int bound = LONGS.loopBound(count);
        int n = 0;
        for (int i = 0; i < bound; i += lanes) {
            LongVector v = LongVector.fromMemorySegment(LONGS, data, (long) i * Long.BYTES, ORDER);
            long bits = compareBits(v, op, constant);
            if (validity != null) {
                bits &= validityBits(validity, i, lanes);
            }
            n = HALF_INTS != null ? writePositions8(bits, i, out, n) : writePositions(bits, i, lanes, out, n);
        }
        return ScalarKernels.selectLongScalar(op, data, validity, null, bound, count, constant, out, n);
    }

    @Override
    public int selectInt(CompareOp op, MemorySegment data, MemorySegment validity, int[] rows, int count, int constant, int[] out)
    {
        if (rows != null) {
            return ScalarKernels.selectIntScalar(op, data, validity, rows, 0, count, constant, out, 0);
        }
        int lanes = INTS.length();
        int bound = INTS.loopBound(count);
        int n = 0;
        for (int i = 0; i < bound; i += lanes) {
            IntVector v = IntVector.fromMemorySegment(INTS, data, (long) i * Integer.BYTES, ORDER);
            long bits = compareBits(v, op, constant);
            if (validity != null) {
                bits &= validityBits(validity, i, lanes);
            }
            n = writePositions16(bits, i, out, n);
        }
        return ScalarKernels.selectIntScalar(op, data, validity, null, bound, count, constant, out, n);
    }

    @Override
    public int selectDouble(CompareOp op, MemorySegment data, MemorySegment validity, int[] rows, int count, double constant, int[] out)
    {
        if (rows != null) {
            return ScalarKernels.selectDoubleScalar(op, data, validity, rows, 0, count, constant, out, 0);
        }
        int lanes = DOUBLES.length();
        int bound = DOUBLES.loopBound(count);
        int n = 0;
        for (int i = 0; i < bound; i += lanes) {
            DoubleVector v = DoubleVector.fromMemorySegment(DOUBLES, data, (long) i * Double.BYTES, ORDER);
            long bits = compareBits(v, op, constant);
            if (validity != null) {
                bits &= validityBits(validity, i, lanes);
            }
            n = HALF_INTS != null ? writePositions8(bits, i, out, n) : writePositions(bits, i, lanes, out, n);
        }
        return ScalarKernels.selectDoubleScalar(op, data, validity, null, bound, count, constant, out, n);
    }

    @Override
    public int selectLongRange(MemorySegment data, MemorySegment validity, int[] rows, int count, long low, long high, int[] out)
    {
        if (rows != null) {
            return ScalarKernels.selectLongRangeScalar(data, validity, rows, 0, count, low, high, out, 0);
        }
        int lanes = LONGS.length();
        int bound = LONGS.loopBound(count);
        int n = 0;
        for (int i = 0; i < bound; i += lanes) {
            LongVector v = LongVector.fromMemorySegment(LONGS, data, (long) i * Long.BYTES, ORDER);
            long bits = v.compare(VectorOperators.GE, low).and(v.compare(VectorOperators.LE, high)).toLong();
            if (validity != null) {
                bits &= validityBits(validity, i, lanes);
            }
            n = HALF_INTS != null ? writePositions8(bits, i, out, n) : writePositions(bits, i, lanes, out, n);
        }
        return ScalarKernels.selectLongRangeScalar(data, validity, null, bound, count, low, high, out, n);
    }

    @Override
    public int selectIntRange(MemorySegment data, MemorySegment validity, int[] rows, int count, int low, int high, int[] out)
    {
        if (rows != null) {
            return ScalarKernels.selectIntRangeScalar(data, validity, rows, 0, count, low, high, out, 0);
        }
        int lanes = INTS.length();
        int bound = INTS.loopBound(count);
        int n = 0;
        for (int i = 0; i < bound; i += lanes) {
            IntVector v = IntVector.fromMemorySegment(INTS, data, (long) i * Integer.BYTES, ORDER);
            long bits = v.compare(VectorOperators.GE, low).and(v.compare(VectorOperators.LE, high)).toLong();
            if (validity != null) {
                bits &= validityBits(validity, i, lanes);
            }
            n = writePositions16(bits, i, out, n);
        }
        return ScalarKernels.selectIntRangeScalar(data, validity, null, bound, count, low, high, out, n);
    }

    @Override
    public int selectLongColumns(CompareOp op, MemorySegment left, MemorySegment leftValidity, MemorySegment right, MemorySegment rightValidity,
            int[] rows, int count, int[] out)
    {
        if (rows != null) {
            return ScalarKernels.selectLongColumnsScalar(op, left, leftValidity, right, rightValidity, rows, 0, count, out, 0);
        }
        int lanes = LONGS.length();
        int bound = LONGS.loopBound(count);
        int n = 0;
        for (int i = 0; i < bound; i += lanes) {
            LongVector v = LongVector.fromMemorySegment(LONGS, left, (long) i * Long.BYTES, ORDER);
            LongVector w = LongVector.fromMemorySegment(LONGS, right, (long) i * Long.BYTES, ORDER);
            long bits = compareBits(v, op, w);
            if (leftValidity != null) {
                bits &= validityBits(leftValidity, i, lanes);
            }
            if (rightValidity != null) {
                bits &= validityBits(rightValidity, i, lanes);
            }
            n = HALF_INTS != null ? writePositions8(bits, i, out, n) : writePositions(bits, i, lanes, out, n);
        }
        return ScalarKernels.selectLongColumnsScalar(op, left, leftValidity, right, rightValidity, null, bound, count, out, n);
    }

    @Override
    public int selectIntColumns(CompareOp op, MemorySegment left, MemorySegment leftValidity, MemorySegment right, MemorySegment rightValidity,
            int[] rows, int count, int[] out)
    {
        if (rows != null) {
            return ScalarKernels.selectIntColumnsScalar(op, left, leftValidity, right, rightValidity, rows, 0, count, out, 0);
        }
        int lanes = INTS.length();
        int bound = INTS.loopBound(count);
        int n = 0;
        for (int i = 0; i < bound; i += lanes) {
            IntVector v = IntVector.fromMemorySegment(INTS, left, (long) i * Integer.BYTES, ORDER);
            IntVector w = IntVector.fromMemorySegment(INTS, right, (long) i * Integer.BYTES, ORDER);
            long bits = compareBits(v, op, w);
            if (leftValidity != null) {
                bits &= validityBits(leftValidity, i, lanes);
            }
            if (rightValidity != null) {
                bits &= validityBits(rightValidity, i, lanes);
            }
            n = writePositions16(bits, i, out, n);
        }
        return ScalarKernels.selectIntColumnsScalar(op, left, leftValidity, right, rightValidity, null, bound, count, out, n);
    }

    @Override
    public int selectDoubleColumns(CompareOp op, MemorySegment left, MemorySegment leftValidity, MemorySegment right, MemorySegment rightValidity,
            int[] rows, int count, int[] out)
    {
        if (rows != null) {
            return ScalarKernels.selectDoubleColumnsScalar(op, left, leftValidity, right, rightValidity, rows, 0, count, out, 0);
        }
        int lanes = DOUBLES.length();
        int bound = DOUBLES.loopBound(count);
        int n = 0;
        for (int i = 0; i < bound; i += lanes) {
            DoubleVector v = DoubleVector.fromMemorySegment(DOUBLES, left, (long) i * Double.BYTES, ORDER);
            DoubleVector w = DoubleVector.fromMemorySegment(DOUBLES, right, (long) i * Double.BYTES, ORDER);
            long bits = compareBits(v, op, w);
            if (leftValidity != null) {
                bits &= validityBits(leftValidity, i, lanes);
            }
            if (rightValidity != null) {
                bits &= validityBits(rightValidity, i, lanes);
            }
            n = HALF_INTS != null ? writePositions8(bits, i, out, n) : writePositions(bits, i, lanes, out, n);
        }
        return ScalarKernels.selectDoubleColumnsScalar(op, left, leftValidity, right, rightValidity, null, bound, count, out, n);
    }

    // ---- arithmetic ------------------------------------------------------------------------------------

    @Override
    public boolean addLong(MemorySegment left, MemorySegment right, MemorySegment out, int count)
    {
        int bound = LONGS.loopBound(count);
        LongVector overflow = LongVector.zero(LONGS);
        for (int i = 0; i < bound; i += LONGS.length()) {
            long offset = (long) i * Long.BYTES;
            LongVector a = LongVector.fromMemorySegment(LONGS, left, offset, ORDER);
            LongVector b = LongVector.fromMemorySegment(LONGS, right, offset, ORDER);
            LongVector r = a.add(b);
            overflow = overflow.or(a.lanewise(VectorOperators.XOR, r).and(b.lanewise(VectorOperators.XOR, r)));
            r.intoMemorySegment(out, offset, ORDER);
        }
        boolean vectorOverflow = overflow.compare(VectorOperators.LT, 0).anyTrue();
        return ScalarKernels.addLongScalar(left, right, out, bound, count) | vectorOverflow;
    }

    @Override
    public boolean addLongConstant(MemorySegment left, long right, MemorySegment out, int count)
    {
        int bound = LONGS.loopBound(count);
        LongVector b = LongVector.broadcast(LONGS, right);
        LongVector overflow = LongVector.zero(LONGS);
        for (int i = 0; i < bound; i += LONGS.length()) {
            long offset = (long) i * Long.BYTES;
            LongVector a = LongVector.fromMemorySegment(LONGS, left, offset, ORDER);
            LongVector r = a.add(b);
            overflow = overflow.or(a.lanewise(VectorOperators.XOR, r).and(b.lanewise(VectorOperators.XOR, r)));
            r.intoMemorySegment(out, offset, ORDER);
        }
        boolean vectorOverflow = overflow.compare(VectorOperators.LT, 0).anyTrue();
        return ScalarKernels.addLongConstantScalar(left, right, out, bound, count) | vectorOverflow;
    }

    @Override
    public boolean subtractLong(MemorySegment left, MemorySegment right, MemorySegment out, int count)
    {
        int bound = LONGS.loopBound(count);
        LongVector overflow = LongVector.zero(LONGS);
        for (int i = 0; i < bound; i += LONGS.length()) {
            long offset = (long) i * Long.BYTES;
            LongVector a = LongVector.fromMemorySegment(LONGS, left, offset, ORDER);
            LongVector b = LongVector.fromMemorySegment(LONGS, right, offset, ORDER);
            LongVector r = a.sub(b);
            overflow = overflow.or(a.lanewise(VectorOperators.XOR, b).and(a.lanewise(VectorOperators.XOR, r)));
            r.intoMemorySegment(out, offset, ORDER);
        }
        boolean vectorOverflow = overflow.compare(VectorOperators.LT, 0).anyTrue();
        return ScalarKernels.subtractLongScalar(left, right, out, bound, count) | vectorOverflow;
    }

    @Override
    public boolean subtractLongConstant(MemorySegment left, long right, MemorySegment out, int count)
    {
        int bound = LONGS.loopBound(count);
        LongVector b = LongVector.broadcast(LONGS, right);
        LongVector overflow = LongVector.zero(LONGS);
        for (int i = 0; i < bound; i += LONGS.length()) {
            long offset = (long) i * Long.BYTES;
            LongVector a = LongVector.fromMemorySegment(LONGS, left, offset, ORDER);
            LongVector r = a.sub(b);
            overflow = overflow.or(a.lanewise(VectorOperators.XOR, b).and(a.lanewise(VectorOperators.XOR, r)));
            r.intoMemorySegment(out, offset, ORDER);
        }
        boolean vectorOverflow = overflow.compare(VectorOperators.LT, 0).anyTrue();
        return ScalarKernels.subtractLongConstantScalar(left, right, out, bound, count) | vectorOverflow;
    }

    @Override
    public boolean constantSubtractLong(long left, MemorySegment right, MemorySegment out, int count)
    {
        int bound = LONGS.loopBound(count);
        LongVector a = LongVector.broadcast(LONGS, left);
        LongVector overflow = LongVector.zero(LONGS);
        for (int i = 0; i < bound; i += LONGS.length()) {
            long offset = (long) i * Long.BYTES;
            LongVector b = LongVector.fromMemorySegment(LONGS, right, offset, ORDER);
            LongVector r = a.sub(b);
            overflow = overflow.or(a.lanewise(VectorOperators.XOR, b).and(a.lanewise(VectorOperators.XOR, r)));
            r.intoMemorySegment(out, offset, ORDER);
        }
        boolean vectorOverflow = overflow.compare(VectorOperators.LT, 0).anyTrue();
        return ScalarKernels.constantSubtractLongScalar(left, right, out, bound, count) | vectorOverflow;
    }

    @Override
    public boolean multiplyLong(MemorySegment left, MemorySegment right, MemorySegment out, int count)
    {
        int bound = LONGS.loopBound(count);
        LongVector wide = LongVector.zero(LONGS);
        for (int i = 0; i < bound; i += LONGS.length()) {
            long offset = (long) i * Long.BYTES;
            LongVector a = LongVector.fromMemorySegment(LONGS, left, offset, ORDER);
            LongVector b = LongVector.fromMemorySegment(LONGS, right, offset, ORDER);
            wide = wide.or(a.add(0x8000_0000L).lanewise(VectorOperators.LSHR, 32))
                    .or(b.add(0x8000_0000L).lanewise(VectorOperators.LSHR, 32));
            a.mul(b).intoMemorySegment(out, offset, ORDER);
        }
        boolean vectorWide = wide.compare(VectorOperators.NE, 0).anyTrue();
        return ScalarKernels.multiplyLongScalar(left, right, out, bound, count) | vectorWide;
    }

    @Override
    public boolean multiplyLongConstant(MemorySegment left, long right, MemorySegment out, int count)
    {
        int bound = LONGS.loopBound(count);
        LongVector wide = LongVector.zero(LONGS);
        for (int i = 0; i < bound; i += LONGS.length()) {
            long offset = (long) i * Long.BYTES;
            LongVector a = LongVector.fromMemorySegment(LONGS, left, offset, ORDER);
            wide = wide.or(a.add(0x8000_0000L).lanewise(VectorOperators.LSHR, 32));
            a.mul(right).intoMemorySegment(out, offset, ORDER);
        }
        boolean vectorWide = wide.compare(VectorOperators.NE, 0).anyTrue() || ScalarKernels.wide(right) != 0;
        return ScalarKernels.multiplyLongConstantScalar(left, right, out, bound, count) | vectorWide;
    }

    @Override
    public void addDouble(MemorySegment left, MemorySegment right, MemorySegment out, int count)
    {
        int bound = DOUBLES.loopBound(count);
        for (int i = 0; i < bound; i += DOUBLES.length()) {
            long offset = (long) i * Double.BYTES;
            DoubleVector a = DoubleVector.fromMemorySegment(DOUBLES, left, offset, ORDER);
            DoubleVector b = DoubleVector.fromMemorySegment(DOUBLES, right, offset, ORDER);
            a.add(b).intoMemorySegment(out, offset, ORDER);
        }
        for (int i = bound; i < count; i++) {
            out.setAtIndex(ScalarKernels.DOUBLE, i, left.getAtIndex(ScalarKernels.DOUBLE, i) + right.getAtIndex(ScalarKernels.DOUBLE, i));
        }
    }

    @Override
    public void addDoubleConstant(MemorySegment left, double right, MemorySegment out, int count)
    {
        int bound = DOUBLES.loopBound(count);
        for (int i = 0; i < bound; i += DOUBLES.length()) {
            long offset = (long) i * Double.BYTES;
            DoubleVector.fromMemorySegment(DOUBLES, left, offset, ORDER).add(right).intoMemorySegment(out, offset, ORDER);
        }
        for (int i = bound; i < count; i++) {
            out.setAtIndex(ScalarKernels.DOUBLE, i, left.getAtIndex(ScalarKernels.DOUBLE, i) + right);
        }
    }

    @Override
    public void subtractDouble(MemorySegment left, MemorySegment right, MemorySegment out, int count)
    {
        int bound = DOUBLES.loopBound(count);
        for (int i = 0; i < bound; i += DOUBLES.length()) {
            long offset = (long) i * Double.BYTES;
            DoubleVector a = DoubleVector.fromMemorySegment(DOUBLES, left, offset, ORDER);
            DoubleVector b = DoubleVector.fromMemorySegment(DOUBLES, right, offset, ORDER);
            a.sub(b).intoMemorySegment(out, offset, ORDER);
        }
        for (int i = bound; i < count; i++) {
            out.setAtIndex(ScalarKernels.DOUBLE, i, left.getAtIndex(ScalarKernels.DOUBLE, i) - right.getAtIndex(ScalarKernels.DOUBLE, i));
        }
    }

    @Override
    public void subtractDoubleConstant(MemorySegment left, double right, MemorySegment out, int count)
    {
        int bound = DOUBLES.loopBound(count);
        for (int i = 0; i < bound; i += DOUBLES.length()) {
            long offset = (long) i * Double.BYTES;
            DoubleVector.fromMemorySegment(DOUBLES, left, offset, ORDER).sub(right).intoMemorySegment(out, offset, ORDER);
        }
        for (int i = bound; i < count; i++) {
            out.setAtIndex(ScalarKernels.DOUBLE, i, left.getAtIndex(ScalarKernels.DOUBLE, i) - right);
        }
    }

    @Override
    public void constantSubtractDouble(double left, MemorySegment right, MemorySegment out, int count)
    {
        int bound = DOUBLES.loopBound(count);
        DoubleVector a = DoubleVector.broadcast(DOUBLES, left);
        for (int i = 0; i < bound; i += DOUBLES.length()) {
            long offset = (long) i * Double.BYTES;
            a.sub(DoubleVector.fromMemorySegment(DOUBLES, right, offset, ORDER)).intoMemorySegment(out, offset, ORDER);
        }
        for (int i = bound; i < count; i++) {
            out.setAtIndex(ScalarKernels.DOUBLE, i, left - right.getAtIndex(ScalarKernels.DOUBLE, i));
        }
    }

    @Override
    public void multiplyDouble(MemorySegment left, MemorySegment right, MemorySegment out, int count)
    {
        int bound = DOUBLES.loopBound(count);
        for (int i = 0; i < bound; i += DOUBLES.length()) {
            long offset = (long) i * Double.BYTES;
            DoubleVector a = DoubleVector.fromMemorySegment(DOUBLES, left, offset, ORDER);
            DoubleVector b = DoubleVector.fromMemorySegment(DOUBLES, right, offset, ORDER);
            a.mul(b).intoMemorySegment(out, offset, ORDER);
        }
        for (int i = bound; i < count; i++) {
            out.setAtIndex(ScalarKernels.DOUBLE, i, left.getAtIndex(ScalarKernels.DOUBLE, i) * right.getAtIndex(ScalarKernels.DOUBLE, i));
        }
    }

    @Override
    public void multiplyDoubleConstant(MemorySegment left, double right, MemorySegment out, int count)
    {
        int bound = DOUBLES.loopBound(count);
        for (int i = 0; i < bound; i += DOUBLES.length()) {
            long offset = (long) i * Double.BYTES;
            DoubleVector.fromMemorySegment(DOUBLES, left, offset, ORDER).mul(right).intoMemorySegment(out, offset, ORDER);
        }
        for (int i = bound; i < count; i++) {
            out.setAtIndex(ScalarKernels.DOUBLE, i, left.getAtIndex(ScalarKernels.DOUBLE, i) * right);
        }
    }

    @Override
    public void divideDouble(MemorySegment left, MemorySegment right, MemorySegment out, int count)
    {
        int bound = DOUBLES.loopBound(count);
        for (int i = 0; i < bound; i += DOUBLES.length()) {
            long offset = (long) i * Double.BYTES;
            DoubleVector a = DoubleVector.fromMemorySegment(DOUBLES, left, offset, ORDER);
            DoubleVector b = DoubleVector.fromMemorySegment(DOUBLES, right, offset, ORDER);
            a.div(b).intoMemorySegment(out, offset, ORDER);
        }
        for (int i = bound; i < count; i++) {
            out.setAtIndex(ScalarKernels.DOUBLE, i, left.getAtIndex(ScalarKernels.DOUBLE, i) / right.getAtIndex(ScalarKernels.DOUBLE, i));
        }
    }

    // ---- reductions ------------------------------------------------------------------------------------

    @Override
    public void sumLong(MemorySegment data, MemorySegment validity, int[] rows, int count, long[] sum)
    {
        if (rows != null) {
            ScalarKernels.sumLongScalar(data, validity, rows, 0, count, sum);
            return;
        }
        int lanes = LONGS.length();
        int bound = LONGS.loopBound(count);
        LongVector s = LongVector.zero(LONGS);
        LongVector wraps = LongVector.zero(LONGS);
        LongVector zero = LongVector.zero(LONGS);
        for (int i = 0; i < bound; i += lanes) {
            LongVector v = LongVector.fromMemorySegment(LONGS, data, (long) i * Long.BYTES, ORDER);
            if (validity != null) {
                v = zero.blend(v, VectorMask.fromLong(LONGS, validityBits(validity, i, lanes)));
            }
            LongVector r = s.add(v);
            LongVector overflow = s.lanewise(VectorOperators.XOR, r).and(v.lanewise(VectorOperators.XOR, r)).lanewise(VectorOperators.ASHR, 63);
            wraps = wraps.add(overflow.and(v.lanewise(VectorOperators.ASHR, 63).or(1)));
            s = r;
        }
        for (int lane = 0; lane < lanes; lane++) {
            long laneSum = s.lane(lane);
            ScalarKernels.add128(sum, (laneSum >> 63) + wraps.lane(lane), laneSum);
        }
        ScalarKernels.sumLongScalar(data, validity, null, bound, count, sum);
    }

    @Override
    public long sumInt(MemorySegment data, MemorySegment validity, int[] rows, int count)
    {
        if (rows != null || HALF_INTS == null) {
            return ScalarKernels.sumIntScalar(data, validity, rows, 0, count);
        }
        // Ints load at half width (as many lanes as a long vector) and widen lane for lane: no overflow.
        int lanes = LONGS.length();
        int bound = LONGS.loopBound(count);
        LongVector s = LongVector.zero(LONGS);
        LongVector zero = LongVector.zero(LONGS);
        for (int i = 0; i < bound; i += lanes) {
            LongVector v = (LongVector) IntVector.fromMemorySegment(HALF_INTS, data, (long) i * Integer.BYTES, ORDER).convertShape(VectorOperators.I2L, LONGS, 0);
            if (validity != null) {
                v = zero.blend(v, VectorMask.fromLong(LONGS, validityBits(validity, i, lanes)));
            }
            s = s.add(v);
        }
        return s.reduceLanes(VectorOperators.ADD) + ScalarKernels.sumIntScalar(data, validity, null, bound, count);
    }

    @Override
    public double sumDouble(MemorySegment data, MemorySegment validity, int[] rows, int count)
    {
        if (rows != null) {
            return ScalarKernels.sumDoubleScalar(data, validity, rows, 0, count);
        }
        int lanes = DOUBLES.length();
        int bound = DOUBLES.loopBound(count);
        DoubleVector s = DoubleVector.zero(DOUBLES);
        for (int i = 0; i < bound; i += lanes) {
            DoubleVector v = DoubleVector.fromMemorySegment(DOUBLES, data, (long) i * Double.BYTES, ORDER);
            if (validity != null) {
                s = s.add(v, VectorMask.fromLong(DOUBLES, validityBits(validity, i, lanes)));
            }
            else {
                s = s.add(v);
            }
        }
        return s.reduceLanes(VectorOperators.ADD) + ScalarKernels.sumDoubleScalar(data, validity, null, bound, count);
    }

    @Override
    public long minLong(MemorySegment data, MemorySegment validity, int[] rows, int count)
    {
        if (rows != null) {
            return ScalarKernels.minLongScalar(data, validity, rows, 0, count);
        }
        int lanes = LONGS.length();
        int bound = LONGS.loopBound(count);
        LongVector identity = LongVector.broadcast(LONGS, Long.MAX_VALUE);
        LongVector m = identity;
        for (int i = 0; i < bound; i += lanes) {
            LongVector v = LongVector.fromMemorySegment(LONGS, data, (long) i * Long.BYTES, ORDER);
            if (validity != null) {
                v = identity.blend(v, VectorMask.fromLong(LONGS, validityBits(validity, i, lanes)));
            }
            m = m.min(v);
        }
        return Math.min(m.reduceLanes(VectorOperators.MIN), ScalarKernels.minLongScalar(data, validity, null, bound, count));
    }

    @Override
    public long maxLong(MemorySegment data, MemorySegment validity, int[] rows, int count)
    {
        if (rows != null) {
            return ScalarKernels.maxLongScalar(data, validity, rows, 0, count);
        }
        int lanes = LONGS.length();
        int bound = LONGS.loopBound(count);
        LongVector identity = LongVector.broadcast(LONGS, Long.MIN_VALUE);
        LongVector m = identity;
        for (int i = 0; i < bound; i += lanes) {
            LongVector v = LongVector.fromMemorySegment(LONGS, data, (long) i * Long.BYTES, ORDER);
            if (validity != null) {
                v = identity.blend(v, VectorMask.fromLong(LONGS, validityBits(validity, i, lanes)));
            }
            m = m.max(v);
        }
        return Math.max(m.reduceLanes(VectorOperators.MAX), ScalarKernels.maxLongScalar(data, validity, null, bound, count));
    }

    @Override
    public int minInt(MemorySegment data, MemorySegment validity, int[] rows, int count)
    {
        if (rows != null) {
            return ScalarKernels.minIntScalar(data, validity, rows, 0, count);
        }
        int lanes = INTS.length();
        int bound = INTS.loopBound(count);
        IntVector identity = IntVector.broadcast(INTS, Integer.MAX_VALUE);
        IntVector m = identity;
        for (int i = 0; i < bound; i += lanes) {
            IntVector v = IntVector.fromMemorySegment(INTS, data, (long) i * Integer.BYTES, ORDER);
            if (validity != null) {
                v = identity.blend(v, VectorMask.fromLong(INTS, validityBits(validity, i, lanes)));
            }
            m = m.min(v);
        }
        return Math.min(m.reduceLanes(VectorOperators.MIN), ScalarKernels.minIntScalar(data, validity, null, bound, count));
    }

    @Override
    public int maxInt(MemorySegment data, MemorySegment validity, int[] rows, int count)
    {
        if (rows != null) {
            return ScalarKernels.maxIntScalar(data, validity, rows, 0, count);
        }
        int lanes = INTS.length();
        int bound = INTS.loopBound(count);
        IntVector identity = IntVector.broadcast(INTS, Integer.MIN_VALUE);
        IntVector m = identity;
        for (int i = 0; i < bound; i += lanes) {
            IntVector v = IntVector.fromMemorySegment(INTS, data, (long) i * Integer.BYTES, ORDER);
            if (validity != null) {
                v = identity.blend(v, VectorMask.fromLong(INTS, validityBits(validity, i, lanes)));
            }
            m = m.max(v);
        }
        return Math.max(m.reduceLanes(VectorOperators.MAX), ScalarKernels.maxIntScalar(data, validity, null, bound, count));
    }

    @Override
    public double minDouble(MemorySegment data, MemorySegment validity, int[] rows, int count)
    {
        if (rows != null) {
            return ScalarKernels.minDoubleScalar(data, validity, rows, 0, count);
        }
        int lanes = DOUBLES.length();
        int bound = DOUBLES.loopBound(count);
        DoubleVector identity = DoubleVector.broadcast(DOUBLES, Double.POSITIVE_INFINITY);
        DoubleVector m = identity;
        for (int i = 0; i < bound; i += lanes) {
            DoubleVector v = DoubleVector.fromMemorySegment(DOUBLES, data, (long) i * Double.BYTES, ORDER);
            if (validity != null) {
                v = identity.blend(v, VectorMask.fromLong(DOUBLES, validityBits(validity, i, lanes)));
            }
            m = m.min(v);
        }
        return Math.min(m.reduceLanes(VectorOperators.MIN), ScalarKernels.minDoubleScalar(data, validity, null, bound, count));
    }

    @Override
    public double maxDouble(MemorySegment data, MemorySegment validity, int[] rows, int count)
    {
        if (rows != null) {
            return ScalarKernels.maxDoubleScalar(data, validity, rows, 0, count);
        }
        int lanes = DOUBLES.length();
        int bound = DOUBLES.loopBound(count);
        DoubleVector identity = DoubleVector.broadcast(DOUBLES, Double.NEGATIVE_INFINITY);
        DoubleVector m = identity;
        for (int i = 0; i < bound; i += lanes) {
            DoubleVector v = DoubleVector.fromMemorySegment(DOUBLES, data, (long) i * Double.BYTES, ORDER);
            if (validity != null) {
                v = identity.blend(v, VectorMask.fromLong(DOUBLES, validityBits(validity, i, lanes)));
            }
            m = m.max(v);
        }
        return Math.max(m.reduceLanes(VectorOperators.MAX), ScalarKernels.maxDoubleScalar(data, validity, null, bound, count));
    }

    @Override
    public int countPresent(MemorySegment validity, int[] rows, int count)
    {
        if (rows != null || validity == null) {
            return ScalarKernels.countPresentScalar(validity, rows, 0, count);
        }
        int words = count >>> 6;
        int n = 0;
        for (int w = 0; w < words; w++) {
            n += Long.bitCount(validity.getAtIndex(ScalarKernels.LONG, w));
        }
        return n + ScalarKernels.countPresentScalar(validity, null, words << 6, count);
    }

    @Override
    public boolean sumInt128(MemorySegment data, MemorySegment validity, int[] rows, int count, long[] sum)
    {
        int lanes = LONGS.length();
        int valuesPerVector = lanes / 2;
        if (rows != null || valuesPerVector < 1 || valuesPerVector > 8) {
            return ScalarKernels.sumInt128Scalar(data, validity, rows, 0, count, sum);
        }
        int bound = count - count % valuesPerVector;
        // Even lanes hold low words (summed as two unsigned 32-bit halves, which cannot overflow), odd lanes high
        // words (signed, with wrap-around tracking).
        LongVector lowHalf = LongVector.zero(LONGS);
        LongVector highHalf = LongVector.zero(LONGS);
        LongVector high = LongVector.zero(LONGS);
        LongVector wraps = LongVector.zero(LONGS);
        LongVector zero = LongVector.zero(LONGS);
        for (int i = 0; i < bound; i += valuesPerVector) {
            LongVector v = LongVector.fromMemorySegment(LONGS, data, (long) i * 16, ORDER);
            if (validity != null) {
                long bits = ((validity.get(BYTE, i >>> 3) & 0xFF) >>> (i & 7)) & ((1L << valuesPerVector) - 1);
                v = zero.blend(v, VectorMask.fromLong(LONGS, SPREAD_TWO[(int) bits]));
            }
            lowHalf = lowHalf.add(v.and(0xFFFF_FFFFL));
            highHalf = highHalf.add(v.lanewise(VectorOperators.LSHR, 32));
            LongVector r = high.add(v);
            LongVector overflow = high.lanewise(VectorOperators.XOR, r).and(v.lanewise(VectorOperators.XOR, r)).lanewise(VectorOperators.ASHR, 63);
            wraps = wraps.add(overflow.and(v.lanewise(VectorOperators.ASHR, 63).or(1)));
            high = r;
        }
        long lowSum = 0;
        long highHalfSum = 0;
        long highSum = 0;
        boolean overflow = false;
        for (int lane = 0; lane < lanes; lane += 2) {
            lowSum += lowHalf.lane(lane);
            highHalfSum += highHalf.lane(lane);
            long laneHigh = high.lane(lane + 1);
            overflow |= wraps.lane(lane + 1) != 0;
            long newHigh = highSum + laneHigh;
            overflow |= ((highSum ^ newHigh) & (laneHigh ^ newHigh)) < 0;
            highSum = newHigh;
        }
        if (overflow) {
            return ScalarKernels.sumInt128Scalar(data, validity, null, 0, count, sum);
        }
        long[] saved = {sum[0], sum[1]};
        ScalarKernels.add128(saved, 0, lowSum);
        ScalarKernels.add128(saved, highHalfSum >>> 32, highHalfSum << 32);
        long newHigh = saved[0] + highSum;
        // Carries from the low words are non-negative and small; the only overflow source is the high sum.
        if (((saved[0] ^ newHigh) & (highSum ^ newHigh)) < 0 || sum[0] >= 0 && saved[0] < 0) {
            return ScalarKernels.sumInt128Scalar(data, validity, null, 0, count, sum);
        }
        sum[0] = newHigh;
        sum[1] = saved[1];
        return ScalarKernels.sumInt128Scalar(data, validity, null, bound, count, sum);
    }
}
