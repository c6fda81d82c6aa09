package dev.basalt.planner.plan;

import dev.basalt.spi.catalog.Column;
import dev.basalt.spi.type.TimestampType;

import java.math.BigInteger;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The table functions {@code generate_series} (inclusive {@code stop}) and {@code range} (exclusive) in FROM: one
 * column, BIGINT or TIMESTAMP, produced lazily batch by batch. BIGINT: {@code start}, {@code stop} and {@code step}
 * are the values. TIMESTAMP: {@code start}/{@code stop} are epoch microseconds and the step is the interval
 * ({@code stepMonths}, {@code stepDays}, {@code step} microseconds), added repeatedly like PostgreSQL. The planner
 * guarantees a non-zero step whose parts all have one sign ({@link #ascending()}).
 */
public record SeriesScan(List<Column> outputColumns, long start, long stop, long step, int stepMonths, int stepDays, boolean inclusive)
        implements PhysicalPlan
{
    public SeriesScan
    {
        outputColumns = List.copyOf(requireNonNull(outputColumns, "outputColumns is null"));
        if (outputColumns.size() != 1) {
            throw new IllegalArgumentException("a series has one column");
        }
        if (step == 0 && stepMonths == 0 && stepDays == 0) {
            throw new IllegalArgumentException("step is zero");
        }
    }

    public boolean timestamp()
    {
        return outputColumns.getFirst().type() instanceof TimestampType;
    }

    public boolean ascending()
    {
        return step > 0 || stepMonths > 0 || stepDays > 0;
    }

    @Override
    public List<PhysicalPlan> children()
    {
        return List.of();
    }

    @Override
    public long estimatedRows()
    {
        return estimateRows(start, stop, step, stepMonths, stepDays, inclusive);
    }

    /** The number of values (exact for BIGINT; a month counts as 30 days for TIMESTAMP), capped at Long.MAX_VALUE. */
    public static long estimateRows(long start, long stop, long step, int stepMonths, int stepDays, boolean inclusive)
    {
        double width = (double) step + stepDays * 86_400_000_000.0 + stepMonths * 30 * 86_400_000_000.0;
        double span = (double) stop - (double) start;
        if (width == 0 || span / width < 0 || (span == 0 && !inclusive)) {
            return 0;
        }
        if (stepMonths == 0 && stepDays == 0) {
            // exact, in BigInteger because stop - start may not fit a long
            BigInteger difference = BigInteger.valueOf(stop).subtract(BigInteger.valueOf(start)).abs();
            BigInteger[] division = difference.divideAndRemainder(BigInteger.valueOf(step).abs());
            BigInteger count = division[0].add(inclusive || division[1].signum() != 0 ? BigInteger.ONE : BigInteger.ZERO);
            return count.bitLength() >= 63 ? Long.MAX_VALUE : count.longValue();
        }
        double count = Math.floor(span / width) + 1;
        return count >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) count;
    }
}
