package dev.basalt.execution.aggregate;

import dev.basalt.planner.plan.AggregateCall;
import dev.basalt.planner.plan.AggregateFunction;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.BigintType;
import dev.basalt.spi.type.BlobType;
import dev.basalt.spi.type.BooleanType;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DataTypes;
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
import org.apache.arrow.memory.BufferAllocator;

import java.util.List;

/** Chooses the accumulator for an aggregate call from its function, input type and result type. */
public final class Accumulators
{
    private Accumulators() {}

    /**
     * The accumulator of a call over its first argument's type, without an allocator: enough to probe what it
     * supports (e.g. {@link Accumulator#mergeable}); the holistic and ordered aggregates need {@link #create(
     * AggregateCall, List, List, BufferAllocator)}.
     */
    public static Accumulator create(AggregateCall call, DataType inputType)
    {
        return create(call, inputType == null ? List.of() : List.of(inputType), List.of(), null);
    }

    /**
     * The accumulator of a call given its argument types and ORDER BY key types; calls of order-sensitive
     * functions with an ORDER BY get an {@link OrderedAccumulator} (the other functions ignore the order).
     */
    public static Accumulator create(AggregateCall call, List<DataType> inputTypes, List<DataType> orderTypes, BufferAllocator allocator)
    {
        Accumulator accumulator = createPlain(call, inputTypes, allocator);
        if (!call.orderBy().isEmpty() && call.function().orderSensitive()) {
            return new OrderedAccumulator(accumulator, inputTypes, orderTypes, call.orderBy(), allocator);
        }
        return accumulator;
    }

    private static Accumulator createPlain(AggregateCall call, List<DataType> inputTypes, BufferAllocator allocator)
    {
        DataType resultType = call.type();
        DataType inputType = inputTypes.isEmpty() ? null : inputTypes.getFirst();
        return switch (call.function()) {
            case COUNT_STAR -> new CountAccumulator(true, null, resultType);
            case COUNT -> new CountAccumulator(false, inputType, resultType);
            case SUM, AVG -> sum(call, inputType, resultType);
            case MIN, MAX -> minMax(call.function() == AggregateFunction.MAX, inputType);
            case BOOL_AND, BOOL_OR -> new LongMinMaxAccumulator(call.function() == AggregateFunction.BOOL_OR, DataTypes.BOOLEAN);
            case BIT_AND, BIT_OR, BIT_XOR -> new BitAccumulator(call.function(), inputType);
            case STDDEV_SAMP, STDDEV_POP, VAR_SAMP, VAR_POP, COVAR_SAMP, COVAR_POP, CORR, REGR_SLOPE, REGR_INTERCEPT, REGR_R2, REGR_AVGX,
                    REGR_AVGY, REGR_SXX, REGR_SYY, REGR_SXY ->
                    new MomentsAccumulator(call.function());
            case QUANTILE_CONT, QUANTILE_DISC -> new SortedValuesAccumulator(call.function(), inputType, resultType,
                    (Double) call.parameters().get(0), (Boolean) call.parameters().get(1), allocator);
            case MODE -> new SortedValuesAccumulator(call.function(), inputType, resultType, 0, false, allocator);
            case ANY_VALUE, FIRST, LAST -> new PickRowAccumulator(call.function(), inputType, null, allocator);
            case ARG_MIN, ARG_MAX -> new PickRowAccumulator(call.function(), inputType, inputTypes.get(1), allocator);
            case STRING_AGG -> new StringAggAccumulator(call.parameters().isEmpty() ? null : (String) call.parameters().getFirst());
        };
    }

    private static Accumulator sum(AggregateCall call, DataType inputType, DataType resultType)
    {
        boolean average = call.function() == AggregateFunction.AVG;
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
            case VarcharType _, BlobType _ -> new VarcharMinMaxAccumulator(max, type);
            case IntervalType t -> new GenericMinMaxAccumulator(max, type);
            case NullType t -> new GenericMinMaxAccumulator(max, type);
        };
    }
}
