package dev.basalt.execution.aggregate;

import dev.basalt.execution.vector.Bitmaps;
import dev.basalt.execution.vector.Vectors;
import dev.basalt.planner.plan.AggregateFunction;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataTypes;
import org.apache.arrow.vector.FieldVector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * The moment statistics over DOUBLE inputs: STDDEV_*, VAR_* (one argument) and COVAR_*, CORR, REGR_* (arguments
 * y, x; rows where either is NULL are skipped). Welford's online updates with DuckDB's
 * exact formulas, so results match it to the last bit on the same input order.
 */
public final class MomentsAccumulator
        extends Accumulator
{
    private static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED;

    private final AggregateFunction function;
    private final boolean pair;
    private long[] counts = new long[0];
    // x = the only argument of the one-argument statistics, the second argument of the pair statistics
    private double[] meanX = new double[0];
    private double[] squaresX = new double[0];
    private double[] meanY = new double[0];
    private double[] squaresY = new double[0];
    private double[] coMoment = new double[0];
    // covariance means are updated separately from the Welford means in DuckDB; kept apart to match its results
    private double[] covarMeanX = new double[0];
    private double[] covarMeanY = new double[0];
    private double[] sumX = new double[0];
    private double[] sumY = new double[0];

    public MomentsAccumulator(AggregateFunction function)
    {
        super(DataTypes.DOUBLE);
        this.function = function;
        this.pair = switch (function) {
            case STDDEV_SAMP, STDDEV_POP, VAR_SAMP, VAR_POP -> false;
            case COVAR_SAMP, COVAR_POP, CORR, REGR_SLOPE, REGR_INTERCEPT, REGR_R2, REGR_AVGX, REGR_AVGY, REGR_SXX, REGR_SYY, REGR_SXY -> true;
            default -> throw new IllegalArgumentException("not a moment statistic: " + function);
        };
    }

    @Override
    public void ensureCapacity(int groupCount)
    {
        if (counts.length < groupCount) {
            int capacity = Math.max(groupCount, 2 * counts.length);
            counts = Arrays.copyOf(counts, capacity);
            meanX = Arrays.copyOf(meanX, capacity);
            squaresX = Arrays.copyOf(squaresX, capacity);
            if (pair) {
                meanY = Arrays.copyOf(meanY, capacity);
                squaresY = Arrays.copyOf(squaresY, capacity);
                coMoment = Arrays.copyOf(coMoment, capacity);
                covarMeanX = Arrays.copyOf(covarMeanX, capacity);
                covarMeanY = Arrays.copyOf(covarMeanY, capacity);
                sumX = Arrays.copyOf(sumX, capacity);
                sumY = Arrays.copyOf(sumY, capacity);
            }
        }
    }

    @Override
    public void add(FieldVector input, int[] rows, int count, int[] groupIds)
    {
        if (pair) {
            throw new IllegalStateException(function + " takes two arguments");
        }
        MemorySegment data = Vectors.data(input);
        MemorySegment validity = Vectors.validity(input);
        for (int i = 0; i < count; i++) {
            int p = rows == null ? i : rows[i];
            if (Bitmaps.isSet(validity, p)) {
                int g = groupIds[i];
                long n = ++counts[g];
                double x = data.getAtIndex(DOUBLE, p);
                double mean = meanX[g];
                double newMean = mean + (x - mean) / n;
                squaresX[g] += (x - newMean) * (x - mean);
                meanX[g] = newMean;
            }
        }
    }

    @Override
    public void addToGroup(FieldVector input, int[] rows, int count, int group)
    {
        if (pair) {
            throw new IllegalStateException(function + " takes two arguments");
        }
        MemorySegment data = Vectors.data(input);
        MemorySegment validity = Vectors.validity(input);
        long n = counts[group];
        double mean = meanX[group];
        double squares = squaresX[group];
        for (int i = 0; i < count; i++) {
            int p = rows == null ? i : rows[i];
            if (Bitmaps.isSet(validity, p)) {
                n++;
                double x = data.getAtIndex(DOUBLE, p);
                double newMean = mean + (x - mean) / n;
                squares += (x - newMean) * (x - mean);
                mean = newMean;
            }
        }
        counts[group] = n;
        meanX[group] = mean;
        squaresX[group] = squares;
    }

    @Override
    public void add(FieldVector[] inputs, int[] rows, int count, int[] groupIds)
    {
        if (!pair) {
            add(inputs[0], rows, count, groupIds);
            return;
        }
        MemorySegment yData = Vectors.data(inputs[0]);
        MemorySegment yValidity = Vectors.validity(inputs[0]);
        MemorySegment xData = Vectors.data(inputs[1]);
        MemorySegment xValidity = Vectors.validity(inputs[1]);
        for (int i = 0; i < count; i++) {
            int p = rows == null ? i : rows[i];
            if (!Bitmaps.isSet(yValidity, p) || !Bitmaps.isSet(xValidity, p)) {
                continue;
            }
            int g = groupIds[i];
            double y = yData.getAtIndex(DOUBLE, p);
            double x = xData.getAtIndex(DOUBLE, p);
            long n = ++counts[g];
            // co-moment (DuckDB CovarOperation)
            double dx = x - covarMeanX[g];
            double newCovarMeanX = covarMeanX[g] + dx / n;
            double newCovarMeanY = covarMeanY[g] + (y - covarMeanY[g]) / n;
            coMoment[g] += dx * (y - newCovarMeanY);
            covarMeanX[g] = newCovarMeanX;
            covarMeanY[g] = newCovarMeanY;
            // Welford for x and y (DuckDB STDDevBaseOperation)
            double mean = meanX[g];
            double newMean = mean + (x - mean) / n;
            squaresX[g] += (x - newMean) * (x - mean);
            meanX[g] = newMean;
            mean = meanY[g];
            newMean = mean + (y - mean) / n;
            squaresY[g] += (y - newMean) * (y - mean);
            meanY[g] = newMean;
            sumX[g] += x;
            sumY[g] += y;
        }
    }

    @Override
    public void write(int from, int count, FieldVector output)
    {
        Vectors.prepareFixed(output, count);
        MemorySegment data = Vectors.data(output);
        MemorySegment validity = Vectors.validityAlways(output);
        for (int i = 0; i < count; i++) {
            int g = from + i;
            long n = counts[g];
            double result = switch (function) {
                case VAR_SAMP -> n <= 1 ? Double.NaN : checked(squaresX[g] / (n - 1), "VAR_SAMP");
                case VAR_POP -> n == 0 ? Double.NaN : n > 1 ? checked(squaresX[g] / n, "VAR_POP") : 0;
                case STDDEV_SAMP -> n <= 1 ? Double.NaN : checked(Math.sqrt(squaresX[g] / (n - 1)), "STDDEV_SAMP");
                case STDDEV_POP -> n == 0 ? Double.NaN : n > 1 ? checked(Math.sqrt(squaresX[g] / n), "STDDEV_POP") : 0;
                case COVAR_POP -> coMoment[g] / n;
                case COVAR_SAMP -> coMoment[g] / (n - 1);
                case CORR -> {
                    double covariance = coMoment[g] / n;
                    double deviationX = n > 1 ? checked(Math.sqrt(squaresX[g] / n), "STDDEV_POP for X") : 0;
                    double deviationY = n > 1 ? checked(Math.sqrt(squaresY[g] / n), "STDDEV_POP for Y") : 0;
                    yield covariance / (deviationX * deviationY);
                }
                case REGR_SLOPE -> slope(g, n);
                case REGR_INTERCEPT -> sumY[g] / n - slope(g, n) * (sumX[g] / n);
                case REGR_AVGX -> sumX[g] / n;
                case REGR_AVGY -> sumY[g] / n;
                case REGR_SXX -> (n > 1 ? checked(squaresX[g] / n, "VAR_POP for X") : 0) * n;
                case REGR_SYY -> (n > 1 ? checked(squaresY[g] / n, "VAR_POP for Y") : 0) * n;
                case REGR_SXY -> coMoment[g] / n * n;
                case REGR_R2 -> {
                    double varianceX = n > 1 ? checked(squaresX[g] / n, "VAR_POP for X") : 0;
                    double varianceY = n > 1 ? checked(squaresY[g] / n, "VAR_POP for Y") : 0;
                    if (varianceX == 0) {
                        yield Double.NaN;
                    }
                    if (varianceY == 0) {
                        yield 1;
                    }
                    double covariance = coMoment[g] / n;
                    double correlation = covariance / (Math.sqrt(varianceX) * Math.sqrt(varianceY));
                    yield correlation * correlation;
                }
                default -> throw new IllegalStateException();
            };
            boolean present = switch (function) {
                case VAR_SAMP, STDDEV_SAMP, COVAR_SAMP -> n > 1;
                // DuckDB: NULL when x does not vary
                case REGR_R2 -> n > 1 && squaresX[g] / n != 0;
                default -> n > 0;
            };
            data.setAtIndex(DOUBLE, i, present ? result : 0);
            Bitmaps.set(validity, i, present);
        }
    }

    @Override
    public boolean mergeable()
    {
        return true;
    }

    /** Combines partial states with the pairwise formulas DuckDB's Combine uses (Chan et al.). */
    @Override
    public void merge(Accumulator other, int[] targets, int count)
    {
        MomentsAccumulator source = (MomentsAccumulator) other;
        for (int i = 0; i < count; i++) {
            long sourceCount = source.counts[i];
            if (sourceCount == 0) {
                continue;
            }
            int g = targets[i];
            long targetCount = counts[g];
            if (targetCount == 0) {
                counts[g] = sourceCount;
                meanX[g] = source.meanX[i];
                squaresX[g] = source.squaresX[i];
                if (pair) {
                    meanY[g] = source.meanY[i];
                    squaresY[g] = source.squaresY[i];
                    coMoment[g] = source.coMoment[i];
                    covarMeanX[g] = source.covarMeanX[i];
                    covarMeanY[g] = source.covarMeanY[i];
                    sumX[g] = source.sumX[i];
                    sumY[g] = source.sumY[i];
                }
                continue;
            }
            double total = sourceCount + targetCount;
            double weight = (double) sourceCount * targetCount / total;
            double delta = source.meanX[i] - meanX[g];
            squaresX[g] = source.squaresX[i] + squaresX[g] + delta * delta * weight;
            meanX[g] = (sourceCount * source.meanX[i] + targetCount * meanX[g]) / total;
            if (pair) {
                delta = source.meanY[i] - meanY[g];
                squaresY[g] = source.squaresY[i] + squaresY[g] + delta * delta * weight;
                meanY[g] = (sourceCount * source.meanY[i] + targetCount * meanY[g]) / total;
                double deltaX = covarMeanX[g] - source.covarMeanX[i];
                double deltaY = covarMeanY[g] - source.covarMeanY[i];
                coMoment[g] = source.coMoment[i] + coMoment[g] + deltaX * deltaY * weight;
                covarMeanX[g] = (sourceCount * source.covarMeanX[i] + targetCount * covarMeanX[g]) / total;
                covarMeanY[g] = (sourceCount * source.covarMeanY[i] + targetCount * covarMeanY[g]) / total;
                sumX[g] += source.sumX[i];
                sumY[g] += source.sumY[i];
            }
            counts[g] = sourceCount + targetCount;
        }
    }

    private double slope(int g, long n)
    {
        double covariance = coMoment[g] / n;
        double variance = n > 1 ? checked(squaresX[g] / n, "VAR_POP for X") : 0;
        return covariance / variance;
    }

    private static double checked(double value, String what)
    {
        if (Double.isInfinite(value)) {
            throw new BasaltException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, what + " is out of range");
        }
        return value;
    }

    @Override
    public long bytes()
    {
        return (pair ? 80L : 24L) * counts.length;
    }
}
