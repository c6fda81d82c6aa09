package dev.basalt.execution.kernels;

import java.lang.foreign.MemorySegment;

/**
 * The hot loops of the engine over Arrow buffers (read as {@link MemorySegment}s), in two implementations of
 * identical semantics: {@link ScalarKernels} (plain Java) and {@link VectorKernels} (Vector API). Use
 * {@link Kernels#get()}; it picks one per JVM.
 *
 * <p>Conventions: {@code validity} is an Arrow validity bitmap (bit set = value present) or null when every value
 * is present. {@code rows} lists ascending physical positions to visit, or is null to visit {@code 0..count-1}.
 * Selections are written to {@code out} as ascending positions (it needs room for {@code count} entries and may be
 * the same array as {@code rows}); the return value is how many were written. A NULL value never satisfies a
 * comparison.
 *
 * <p>Arithmetic kernels compute every position in {@code 0..count-1}, including NULL and unselected ones (their
 * results are ignored), so their overflow flag may be raised by a row that does not matter: callers re-check the
 * live rows exactly when a kernel returns true.
 */
public interface KernelProvider
{
    /** Human-readable name for EXPLAIN and benchmarks. */
    String name();

    // ---- comparisons producing selections -------------------------------------------------------------

    int selectLong(CompareOp op, MemorySegment data, MemorySegment validity, int[] rows, int count, long constant, int[] out);

    int selectInt(CompareOp op, MemorySegment data, MemorySegment validity, int[] rows, int count, int constant, int[] out);

    int selectDouble(CompareOp op, MemorySegment data, MemorySegment validity, int[] rows, int count, double constant, int[] out);

    /** Rows with {@code low <= value <= high} (a fused BETWEEN / range). */
    int selectLongRange(MemorySegment data, MemorySegment validity, int[] rows, int count, long low, long high, int[] out);

    int selectIntRange(MemorySegment data, MemorySegment validity, int[] rows, int count, int low, int high, int[] out);

    /** Rows with {@code left[p] op right[p]}; a NULL on either side drops the row. */
    int selectLongColumns(CompareOp op, MemorySegment left, MemorySegment leftValidity, MemorySegment right, MemorySegment rightValidity,
            int[] rows, int count, int[] out);

    int selectIntColumns(CompareOp op, MemorySegment left, MemorySegment leftValidity, MemorySegment right, MemorySegment rightValidity,
            int[] rows, int count, int[] out);

    int selectDoubleColumns(CompareOp op, MemorySegment left, MemorySegment leftValidity, MemorySegment right, MemorySegment rightValidity,
            int[] rows, int count, int[] out);

    // ---- arithmetic over 0..count-1; long kernels return true when some position may have overflowed ------

    boolean addLong(MemorySegment left, MemorySegment right, MemorySegment out, int count);

    boolean addLongConstant(MemorySegment left, long right, MemorySegment out, int count);

    boolean subtractLong(MemorySegment left, MemorySegment right, MemorySegment out, int count);

    /** {@code out = left - right}. */
    boolean subtractLongConstant(MemorySegment left, long right, MemorySegment out, int count);

    /** {@code out = left - right[p]}. */
    boolean constantSubtractLong(long left, MemorySegment right, MemorySegment out, int count);

    boolean multiplyLong(MemorySegment left, MemorySegment right, MemorySegment out, int count);

    boolean multiplyLongConstant(MemorySegment left, long right, MemorySegment out, int count);

    void addDouble(MemorySegment left, MemorySegment right, MemorySegment out, int count);

    void addDoubleConstant(MemorySegment left, double right, MemorySegment out, int count);

    void subtractDouble(MemorySegment left, MemorySegment right, MemorySegment out, int count);

    void subtractDoubleConstant(MemorySegment left, double right, MemorySegment out, int count);

    void constantSubtractDouble(double left, MemorySegment right, MemorySegment out, int count);

    void multiplyDouble(MemorySegment left, MemorySegment right, MemorySegment out, int count);

    void multiplyDoubleConstant(MemorySegment left, double right, MemorySegment out, int count);

    void divideDouble(MemorySegment left, MemorySegment right, MemorySegment out, int count);

    // ---- reductions over the present values of the visited rows ------------------------------------------

    /**
     * Adds the exact sum of the present values to the 128-bit accumulator {@code sum} ({@code sum[0]} high,
     * {@code sum[1]} low word, two's complement). Never overflows for fewer than 2^63 rows.
     */
    void sumLong(MemorySegment data, MemorySegment validity, int[] rows, int count, long[] sum);

    /** Exact sum of present INTEGER values (cannot overflow a long for fewer than 2^32 rows). */
    long sumInt(MemorySegment data, MemorySegment validity, int[] rows, int count);

    double sumDouble(MemorySegment data, MemorySegment validity, int[] rows, int count);

    /** Smallest present value, or Long.MAX_VALUE when there is none. */
    long minLong(MemorySegment data, MemorySegment validity, int[] rows, int count);

    /** Largest present value, or Long.MIN_VALUE when there is none. */
    long maxLong(MemorySegment data, MemorySegment validity, int[] rows, int count);

    int minInt(MemorySegment data, MemorySegment validity, int[] rows, int count);

    int maxInt(MemorySegment data, MemorySegment validity, int[] rows, int count);

    /** Smallest present value (Math.min semantics: NaN wins), or +Infinity when there is none. */
    double minDouble(MemorySegment data, MemorySegment validity, int[] rows, int count);

    /** Largest present value (Math.max semantics: NaN wins), or -Infinity when there is none. */
    double maxDouble(MemorySegment data, MemorySegment validity, int[] rows, int count);

    /** Number of present values among the visited rows. */
    int countPresent(MemorySegment validity, int[] rows, int count);

    /**
     * Adds the exact sum of the present 128-bit values (DecimalVector layout: 16 bytes little-endian per value)
     * to {@code sum}; returns true when the 128-bit accumulator overflowed (the caller raises 22003).
     */
    boolean sumInt128(MemorySegment data, MemorySegment validity, int[] rows, int count, long[] sum);
}
