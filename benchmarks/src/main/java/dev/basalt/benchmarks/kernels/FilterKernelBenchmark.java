package dev.basalt.benchmarks.kernels;

import dev.basalt.execution.kernels.CompareOp;
import dev.basalt.execution.kernels.KernelProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Column-versus-constant (and column-versus-column) comparisons producing a selection, SIMD kernel against its
 * scalar twin ({@code -p kernels=scalar,vector}); values 0..999, so {@code < 500} keeps half the rows.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class FilterKernelBenchmark
{
    @Param({"4096", "1048576"})
    public int size;

    @Param({"scalar", "vector"})
    public String kernels;

    private KernelProvider provider;
    private KernelData data;
    private int[] out;

    @Setup
    public void setup()
    {
        provider = KernelData.provider(kernels);
        data = new KernelData(size);
        out = new int[size];
    }

    @TearDown
    public void tearDown()
    {
        data.close();
    }

    @Benchmark
    public int selectLongLessThan()
    {
        return provider.selectLong(CompareOp.LESS_THAN, data.longs, null, null, size, 500, out);
    }

    @Benchmark
    public int selectLongWithNulls()
    {
        return provider.selectLong(CompareOp.LESS_THAN, data.longs, data.validity, null, size, 500, out);
    }

    @Benchmark
    public int selectLongSelective()
    {
        return provider.selectLong(CompareOp.EQUAL, data.longs, null, null, size, 7, out);
    }

    @Benchmark
    public int selectIntRange()
    {
        return provider.selectIntRange(data.ints, null, null, size, 100, 250, out);
    }

    @Benchmark
    public int selectDoubleGreaterThan()
    {
        return provider.selectDouble(CompareOp.GREATER_THAN, data.doubles, null, null, size, 50.0, out);
    }

    @Benchmark
    public int selectLongColumns()
    {
        return provider.selectLongColumns(CompareOp.LESS_THAN, data.longs, null, data.longs2, null, null, size, out);
    }
}
