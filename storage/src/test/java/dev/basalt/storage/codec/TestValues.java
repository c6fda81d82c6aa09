package dev.basalt.storage.codec;

import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.spi.type.VarcharType;
import dev.basalt.spi.value.Interval;
import dev.basalt.spi.value.Values;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;

/** jqwik generators of canonical values for every SQL type, mixing wide ranges and low cardinality. */
public final class TestValues
{
    public static final List<DataType> ALL_TYPES = List.of(
            DataTypes.BOOLEAN, DataTypes.SMALLINT, DataTypes.INTEGER, DataTypes.BIGINT, DataTypes.REAL, DataTypes.DOUBLE,
            DecimalType.of(15, 2), DecimalType.of(38, 10), DataTypes.VARCHAR, VarcharType.character(3), DataTypes.DATE,
            DataTypes.TIMESTAMP, DataTypes.INTERVAL, DataTypes.NULL);

    private TestValues() {}

    /** Non-null values of a type (NULL type yields only nulls). */
    public static Arbitrary<Object> values(DataType type)
    {
        return switch (type.sqlName()) {
            case "BOOLEAN" -> Arbitraries.of(true, false).map(v -> v);
            case "SMALLINT" -> Arbitraries.oneOf(Arbitraries.shorts(), Arbitraries.shorts().between((short) -3, (short) 3)).map(v -> v);
            case "INTEGER" -> Arbitraries.oneOf(Arbitraries.integers(), Arbitraries.integers().between(1000, 1010),
                    Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE, 0)).map(v -> v);
            case "BIGINT" -> Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.longs().between(-5, 100),
                    Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, 1L << 40, -(1L << 50))).map(v -> v);
            case "REAL" -> Arbitraries.oneOf(Arbitraries.floats(), Arbitraries.of(Float.NaN, -0.0f, 0.0f, Float.POSITIVE_INFINITY,
                    Float.NEGATIVE_INFINITY, 1.5f, Float.MIN_VALUE, -Float.MAX_VALUE)).map(v -> v);
            case "DOUBLE" -> Arbitraries.oneOf(Arbitraries.doubles(), Arbitraries.of(Double.NaN, -0.0, 0.0, Double.POSITIVE_INFINITY,
                    Double.NEGATIVE_INFINITY, 0.1, 2.5, -Double.MAX_VALUE)).map(v -> v);
            case "DECIMAL(15,2)" -> Arbitraries.oneOf(Arbitraries.longs().between(-999_999_999_999_999L, 999_999_999_999_999L),
                    Arbitraries.longs().between(0, 10_000)).map(v -> BigDecimal.valueOf(v, 2));
            case "DECIMAL(38,10)" -> Arbitraries.oneOf(
                    Arbitraries.bigIntegers().between(new BigInteger("-99999999999999999999999999999999999999"), new BigInteger("99999999999999999999999999999999999999")),
                    Arbitraries.bigIntegers().between(BigInteger.valueOf(-50), BigInteger.valueOf(50))).map(v -> new BigDecimal(v, 10));
            case "VARCHAR", "CHAR(3)" -> Arbitraries.oneOf(unicodeStrings(), Arbitraries.of("", "a", "AIR", "MAIL", "TRUCK", "é", "\uD83D\uDE00"),
                    unicodeStrings().ofMinLength(60).ofMaxLength(90),
                    unicodeStrings().map(s -> s + "\uD83D\uDE00" + s)).map(v -> v);
            case "DATE" -> Arbitraries.oneOf(Arbitraries.longs().between(-200_000, 200_000), Arbitraries.longs().between(9000, 9010))
                    .map(v -> LocalDate.ofEpochDay(v));
            case "TIMESTAMP" -> Arbitraries.longs().between(-10_000_000_000_000_000L, 10_000_000_000_000_000L).map(v -> Values.microsToTimestamp(v));
            case "INTERVAL" -> Arbitraries.integers().between(-1000, 1000).flatMap(months -> Arbitraries.integers().between(-5000, 5000)
                    .flatMap(days -> Arbitraries.longs().between(-1_000_000_000_000_000L, 1_000_000_000_000_000L)
                            .map(micros -> (Object) new Interval(months, days, micros))));
            case "NULL" -> Arbitraries.just(null);
            default -> throw new IllegalArgumentException(type.sqlName());
        };
    }

    /** Valid UTF-16 strings over ASCII, BMP (no surrogates) and supplementary code points. */
    public static net.jqwik.api.arbitraries.StringArbitrary unicodeStrings()
    {
        return Arbitraries.strings().withCharRange(' ', '~').withCharRange('\u00A0', '\u07FF').withCharRange('\uE000', '\uFFFD')
                .ofMaxLength(12);
    }

    /** Values with nulls mixed in. */
    public static Arbitrary<List<Object>> column(DataType type, int maxSize)
    {
        return values(type).injectNull(0.15).list().ofMinSize(1).ofMaxSize(maxSize);
    }
}
