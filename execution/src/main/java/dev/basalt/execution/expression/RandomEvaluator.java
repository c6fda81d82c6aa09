package dev.basalt.execution.expression;

import dev.basalt.planner.expression.Function;
import dev.basalt.spi.type.DataType;
import org.apache.arrow.memory.BufferAllocator;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * RANDOM() (a DOUBLE in [0, 1)) and UUID() (a random version-4 UUID as VARCHAR, there is no UUID type): a new value
 * per row. {@link ExpressionCompiler} never folds them into constants.
 */
public final class RandomEvaluator
        extends RowFunctionEvaluator
{
    private final boolean uuid;

    public RandomEvaluator(Function function, DataType type, BufferAllocator allocator)
    {
        super(List.of(), true, type, allocator);
        this.uuid = function == Function.UUID;
    }

    @Override
    protected void compute(int p)
    {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (!uuid) {
            setDouble(p, random.nextDouble());
            return;
        }
        // version 4 (random), IETF variant
        long high = random.nextLong() & 0xFFFF_FFFF_FFFF_0FFFL | 0x0000_0000_0000_4000L;
        long low = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        setString(p, new UUID(high, low).toString());
    }
}
