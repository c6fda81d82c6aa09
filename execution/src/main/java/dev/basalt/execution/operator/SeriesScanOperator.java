package dev.basalt.execution.operator;

import dev.basalt.execution.vector.Vectors;
import dev.basalt.planner.plan.SeriesScan;
import dev.basalt.spi.batch.ColumnBatch;
import dev.basalt.spi.catalog.Column;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampMicroVector;

import java.time.LocalDate;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * generate_series / range: produces the series lazily, one batch of up to {@link ColumnBatch#DEFAULT_ROW_COUNT}
 * values per call, so a billion-row series never exists in memory at once. Stops (without overflowing) when the
 * next value would pass {@code stop} or leave the long range.
 */
public final class SeriesScanOperator
        implements Operator
{
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private final OperatorContext context;
    private final SeriesScan plan;
    private final boolean ascending;
    private long next;
    private boolean finished;
    private boolean closed;

    public SeriesScanOperator(OperatorContext context, SeriesScan plan)
    {
        this.context = requireNonNull(context, "context is null");
        this.plan = requireNonNull(plan, "plan is null");
        this.ascending = plan.ascending();
        this.next = plan.start();
        this.finished = !inRange(plan.start());
    }

    @Override
    public ColumnBatch next()
    {
        if (finished) {
            return null;
        }
        Column column = plan.outputColumns().getFirst();
        FieldVector vector = Vectors.create(column.type(), column.name(), context.allocator());
        try {
            ((BaseFixedWidthVector) vector).allocateNew(ColumnBatch.DEFAULT_ROW_COUNT);
            int count = plan.timestamp() ? fillTimestamps((TimeStampMicroVector) vector) : fillIntegers((BigIntVector) vector);
            vector.setValueCount(count);
            return ColumnBatch.of(List.of(vector), count);
        }
        catch (RuntimeException | Error e) {
            vector.close();
            throw e;
        }
    }

    private int fillIntegers(BigIntVector vector)
    {
        long step = plan.step();
        long value = next;
        int count = 0;
        while (count < ColumnBatch.DEFAULT_ROW_COUNT) {
            vector.set(count++, value);
            long sum = value + step;
            // overflow: both operands' signs differ from the sum's
            if (((value ^ sum) & (step ^ sum)) < 0 || !inRange(sum)) {
                finished = true;
                break;
            }
            value = sum;
        }
        next = value;
        return count;
    }

    private int fillTimestamps(TimeStampMicroVector vector)
    {
        long value = next;
        int count = 0;
        while (count < ColumnBatch.DEFAULT_ROW_COUNT) {
            vector.set(count++, value);
            long following = plus(value);
            if (following == value || (ascending ? following < value : following > value) || !inRange(following)) {
                finished = true;
                break;
            }
            value = following;
        }
        next = value;
        return count;
    }

    /** {@code micros} plus the step interval: months first (clamped to the month's end), then days, then micros; saturates at the long range. */
    private long plus(long micros)
    {
        long result = micros;
        try {
            if (plan.stepMonths() != 0 || plan.stepDays() != 0) {
                long day = Math.floorDiv(result, MICROS_PER_DAY);
                long time = Math.floorMod(result, MICROS_PER_DAY);
                if (plan.stepMonths() != 0) {
                    day = LocalDate.ofEpochDay(day).plusMonths(plan.stepMonths()).toEpochDay();
                }
                day = Math.addExact(day, plan.stepDays());
                result = Math.addExact(Math.multiplyExact(day, MICROS_PER_DAY), time);
            }
            return Math.addExact(result, plan.step());
        }
        catch (ArithmeticException | java.time.DateTimeException e) {
            // past the representable range: the series ends here (rare; only at the extremes)
            return micros;
        }
    }

    private boolean inRange(long value)
    {
        if (ascending) {
            return plan.inclusive() ? value <= plan.stop() : value < plan.stop();
        }
        return plan.inclusive() ? value >= plan.stop() : value > plan.stop();
    }

    @Override
    public void close()
    {
        if (closed) {
            return;
        }
        closed = true;
        context.close();
    }
}
