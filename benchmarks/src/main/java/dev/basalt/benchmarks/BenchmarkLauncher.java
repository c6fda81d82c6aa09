package dev.basalt.benchmarks;

import dev.basalt.benchmarks.tpch.TpchRunner;

import java.util.Arrays;

/**
 * Main class of basalt-benchmarks.jar: {@code tpch [options]} runs the TPC-H comparison with DuckDB,
 * {@code jmh [JMH options]} runs the JMH benchmarks (forks inherit this JVM's flags).
 */
public final class BenchmarkLauncher
{
    private BenchmarkLauncher() {}

    public static void main(String[] args)
            throws Exception
    {
        if (args.length == 0) {
            usage();
            System.exit(2);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "tpch" -> System.exit(TpchRunner.run(rest));
            case "jmh" -> org.openjdk.jmh.Main.main(rest);
            default -> {
                usage();
                System.exit(2);
            }
        }
    }

    private static void usage()
    {
        System.err.println("""
                usage: java -jar basalt-benchmarks.jar tpch [--sf 1] [--queries 1,6] [--runs 3] [--warmup 1] [--help]
                       java -jar basalt-benchmarks.jar jmh [JMH options, e.g. -l to list, a regex to select]""");
    }
}
