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

/** Arithmetic kernels (long with overflow detection, double), SIMD against scalar twin. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class ArithmeticKernelBenchmark
{
    @Param({"4096", "1048576"})
    public int size;

    @Param({"scalar", "vector"})
    public String kernels;

    private KernelProvider provider;
    private KernelData data;

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
    public boolean addLong()
    {
        return provider.addLong(data.longs, data.longs2, data.out, size);
    }

    @Benchmark
    public boolean constantSubtractLong()
    {
        // 1 - l_discount at scale 2
        return provider.constantSubtractLong(100, data.longs, data.out, size);
    }

    @Benchmark
    public boolean multiplyLong()
    {
        return provider.multiplyLong(data.longs, data.longs2, data.out, size);
    }

    @Benchmark
    public boolean multiplyLongConstant()
    {
        return provider.multiplyLongConstant(data.longs, 100, data.out, size);
    }

    @Benchmark
    public void addDouble()
    {
        provider.addDouble(data.doubles, data.doubles2, data.out, size);
    }

    @Benchmark
    public void multiplyDoubleConstant()
    {
        provider.multiplyDoubleConstant(data.doubles, 1.08, data.out, size);
    }

    @Benchmark
    public void divideDouble()
    {
        provider.divideDouble(data.doubles, data.doubles2, data.out, size);
    }
}
