package dev.basalt.execution.aggregate;

import dev.basalt.planner.plan.AggregateCall;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.BigintType;
import dev.basalt.spi.type.BooleanType;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DateType;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.spi.type.DoubleType;
import dev.basalt.spi.type.IntegerType;
import dev.basalt.spi.type.IntervalType;
import dev.basalt.spi.type.NullType;
import dev.basalt.spi.type.RealType;
import dev.basalt.spi.type.SmallintType;
import dev.basalt.spi.type.TimestampType;
import dev.basalt.spi.type.VarcharType;

/** Chooses the accumulator for an aggregate call from its function, input type and result type. */
public final class Accumulators
{
    private Accumulators() {}

    public static Accumulator create(AggregateCall call, DataType inputType)
    {
        DataType resultType = call.type();
        return switch (call.function()) {
            case COUNT_STAR -> new CountAccumulator(true, null, resultType);
            case COUNT -> new CountAccumulator(false, inputType, resultType);
            case SUM, AVG -> sum(call, inputType, resultType);
            case MIN, MAX -> minMax(call.function() == dev.basalt.planner.plan.AggregateFunction.MAX, inputType);
        };
    }

    private static Accumulator sum(AggregateCall call, DataType inputType, DataType resultType)
    {
        boolean average = call.function() == dev.basalt.planner.plan.AggregateFunction.AVG;
        return switch (inputType) {
            case SmallintType t -> average ? new DecimalSumAccumulator(true, inputType, resultType) : new LongSumAccumulator(inputType, resultType);
            case IntegerType t -> average ? new DecimalSumAccumulator(true, inputType, resultType) : new LongSumAccumulator(inputType, resultType);
            case BigintType t -> new DecimalSumAccumulator(average, inputType, resultType);
            case DecimalType t -> new DecimalSumAccumulator(average, inputType, resultType);
            case RealType t -> new DoubleSumAccumulator(average, inputType, resultType);
            case DoubleType t -> new DoubleSumAccumulator(average, inputType, resultType);
            // every input is NULL, so the result is NULL: an accumulator that never sees a value
            case NullType t -> new GenericMinMaxAccumulator(false, resultType);
            default -> throw new BasaltException(ErrorCode.UNDEFINED_FUNCTION, call.function() + " is not defined for " + inputType.sqlName());
        };
    }

    private static Accumulator minMax(boolean max, DataType type)
    {
        return switch (type) {
            case BooleanType t -> new LongMinMaxAccumulator(max, type);
            case SmallintType t -> new LongMinMaxAccumulator(max, type);
            case IntegerType t -> new LongMinMaxAccumulator(max, type);
            case DateType t -> new LongMinMaxAccumulator(max, type);
            case BigintType t -> new LongMinMaxAccumulator(max, type);
            case TimestampType t -> new LongMinMaxAccumulator(max, type);
            case DecimalType t -> t.isShort() ? new LongMinMaxAccumulator(max, type) : new DecimalMinMaxAccumulator(max, type);
            case RealType t -> new DoubleMinMaxAccumulator(max, type);
            case DoubleType t -> new DoubleMinMaxAccumulator(max, type);
            case VarcharType t -> new VarcharMinMaxAccumulator(max, type);
            case IntervalType t -> new GenericMinMaxAccumulator(max, type);
            case NullType t -> new GenericMinMaxAccumulator(max, type);
        };
    }
}
