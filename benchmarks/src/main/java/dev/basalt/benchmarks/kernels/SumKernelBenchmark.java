package dev.basalt.benchmarks.kernels;

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

/** Reductions (exact 128-bit long sums, double sums, min/max, counts), SIMD against scalar twin. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class SumKernelBenchmark
{
    @Param({"4096", "1048576"})
    public int size;

    @Param({"scalar", "vector"})
    public String kernels;

    private KernelProvider provider;
    private KernelData data;
    private final long[] sum = new long[2];

    @Setup
    public void setup()
    {
        provider = KernelData.provider(kernels);
        data = new KernelData(size);
    }

    @TearDown
    public void tearDown()
    {
        data.close();
    }

    @Benchmark
    public long sumLong()
    {
        sum[0] = 0;
        sum[1] = 0;
        provider.sumLong(data.longs, null, null, size, sum);
        return sum[1];
    }

    @Benchmark
    public long sumLongWithNulls()
    {
        sum[0] = 0;
        sum[1] = 0;
        provider.sumLong(data.longs, data.validity, null, size, sum);
        return sum[1];
    }

    @Benchmark
    public long sumLongSelection()
    {
        sum[0] = 0;
        sum[1] = 0;
        provider.sumLong(data.longs, null, data.halfRows, data.halfRows.length, sum);
        return sum[1];
    }

    @Benchmark
    public long sumInt()
    {
        return provider.sumInt(data.ints, null, null, size);
    }

    @Benchmark
    public double sumDouble()
    {
        return provider.sumDouble(data.doubles, null, null, size);
    }

    @Benchmark
    public long minLong()
    {
        return provider.minLong(data.longs, data.validity, null, size);
    }

    @Benchmark
    public double maxDouble()
    {
        return provider.maxDouble(data.doubles, null, null, size);
    }

    @Benchmark
    public long sumInt128()
    {
        sum[0] = 0;
        sum[1] = 0;
        provider.sumInt128(data.wide, null, null, size, sum);
        return sum[1];
    }

    @Benchmark
    public int countPresent()
    {
        return provider.countPresent(data.validity, null, size);
    }
}
