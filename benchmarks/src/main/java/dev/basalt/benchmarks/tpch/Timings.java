package dev.basalt.benchmarks.tpch;

import java.util.ArrayList;
import java.util.List;

/** Wall-clock times of the timed runs of one query on one engine, in milliseconds. */
public final class Timings
{
    private final List<Double> millis = new ArrayList<>();

    public void add(long nanos)
    {
        millis.add(nanos / 1_000_000.0);
    }

    public boolean isEmpty()
    {
        return millis.isEmpty();
    }

    public double median()
    {
        List<Double> sorted = new ArrayList<>(millis);
        sorted.sort(null);
        int n = sorted.size();
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    public double min()
    {
        double min = Double.NaN;
        for (double value : millis) {
            if (Double.isNaN(min) || value < min) {
                min = value;
            }
        }
        return min;
    }

    /** Geometric mean of positive values; NaN when there are none. */
    public static double geometricMean(List<Double> values)
    {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double logSum = 0;
        for (double value : values) {
            logSum += Math.log(value);
        }
        return Math.exp(logSum / values.size());
    }
}
