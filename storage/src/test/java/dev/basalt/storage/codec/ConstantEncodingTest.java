package dev.basalt.storage.codec;

import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.storage.format.Encoding;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CONSTANT: one value (and nulls) round-trips for every kind it applies to, and is chosen for such chunks. */
class ConstantEncodingTest
        extends AllocatorProperties
{
    private static final List<DataType> TYPES = List.of(DataTypes.BOOLEAN, DataTypes.SMALLINT, DataTypes.INTEGER, DataTypes.BIGINT,
            DataTypes.REAL, DataTypes.DOUBLE, DecimalType.of(15, 2), DataTypes.VARCHAR, DataTypes.DATE, DataTypes.TIMESTAMP);

    @Provide
    Arbitrary<EncodingRoundTrip.Case> constants()
    {
        return Arbitraries.of(TYPES).flatMap(type -> Combinators.combine(TestValues.values(type),
                Arbitraries.doubles().between(0, 0.9), Arbitraries.integers().between(1, 700),
                Arbitraries.longs(), Arbitraries.integers().between(1, 300)).as((value, nullShare, rows, seed, batch) -> {
                    java.util.Random random = new java.util.Random(seed);
                    List<Object> values = new ArrayList<>();
                    for (int i = 0; i < rows; i++) {
                        values.add(random.nextDouble() < nullShare ? null : value);
                    }
                    values.set(random.nextInt(rows), value);
                    return new EncodingRoundTrip.Case(type, values, batch);
                }));
    }

    @Property(tries = 300)
    void roundTripsAndIsChosen(@ForAll("constants") EncodingRoundTrip.Case testCase)
    {
        for (boolean compress : new boolean[] {false, true}) {
            EncodingRoundTrip.Outcome forced = EncodingRoundTrip.run(allocator, testCase.type(), testCase.values(), Encoding.CONSTANT, compress, testCase.batch());
            assertEquals(testCase.values(), forced.values());
            EncodingRoundTrip.Outcome chosen = EncodingRoundTrip.run(allocator, testCase.type(), testCase.values(), null, compress, testCase.batch());
            assertEquals(testCase.values(), chosen.values());
            assertEquals(Encoding.CONSTANT, chosen.result().encoding(), testCase.type().sqlName());
        }
    }

    @Property(tries = 50)
    void edgeValues(@ForAll("edges") Object value)
    {
        DataType type = value instanceof String ? DataTypes.VARCHAR : value instanceof Long ? DataTypes.BIGINT : DataTypes.DOUBLE;
        List<Object> values = new ArrayList<>(java.util.Collections.nCopies(5000, value));
        values.set(17, null);
        EncodingRoundTrip.Outcome outcome = EncodingRoundTrip.run(allocator, type, values, null, false, 4096);
        assertEquals(values, outcome.values());
        assertEquals(Encoding.CONSTANT, outcome.result().encoding());
        // 24-byte header + validity bitmap + at most 8 value bytes.
        assertTrue(outcome.result().length() <= 24 + 625 + 8, "length " + outcome.result().length());
    }

    @Provide
    Arbitrary<Object> edges()
    {
        return Arbitraries.of("", "x", Long.MIN_VALUE, Long.MAX_VALUE, Double.NaN, -0.0, Double.NEGATIVE_INFINITY, 1e308);
    }
}
