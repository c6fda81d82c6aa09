package dev.basalt.planner.rule;

import dev.basalt.planner.expression.Call;
import dev.basalt.planner.expression.Cast;
import dev.basalt.planner.expression.Constant;
import dev.basalt.planner.expression.Function;
import dev.basalt.planner.expression.InListExpression;
import dev.basalt.planner.expression.InputReference;
import dev.basalt.planner.expression.LikeExpression;
import dev.basalt.planner.expression.RowExpression;
import dev.basalt.spi.catalog.ColumnPredicate;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.spi.type.DecimalType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Conjunct to column predicate (IN, LIKE prefix, casts) and predicate implication for partial indexes. */
class ColumnPredicateExtractorTest
{
    private static final InputReference INT = new InputReference(0, DataTypes.INTEGER);
    private static final InputReference TEXT = new InputReference(1, DataTypes.VARCHAR);
    private static final InputReference DAY = new InputReference(2, DataTypes.DATE);
    private static final InputReference MONEY = new InputReference(3, DecimalType.of(15, 2));
    private static final InputReference SMALL = new InputReference(4, DataTypes.SMALLINT);

    private static Optional<ColumnPredicateExtractor.Extracted> extract(RowExpression conjunct)
    {
        return ColumnPredicateExtractor.extract(conjunct, InputReference::index);
    }

    private static ColumnPredicate predicate(RowExpression conjunct)
    {
        return extract(conjunct).orElseThrow().predicate();
    }

    private static Call compare(Function function, RowExpression left, RowExpression right)
    {
        return new Call(function, List.of(left, right), DataTypes.BOOLEAN);
    }

    private static Constant constant(Object value, DataType type)
    {
        return new Constant(value, type);
    }

    private static LikeExpression like(RowExpression value, String pattern)
    {
        return new LikeExpression(value, constant(pattern, DataTypes.VARCHAR), Optional.empty(), false);
    }

    @Test
    void inLists()
    {
        RowExpression in = new InListExpression(INT, List.of(constant(7, DataTypes.INTEGER), constant(3, DataTypes.INTEGER),
                constant(null, DataTypes.INTEGER), constant(7, DataTypes.INTEGER)));
        assertEquals(new ColumnPredicate.In(0, List.of(3, 7)), predicate(in));
        assertTrue(extract(in).orElseThrow().exact());
        // a non-constant element: nothing
        assertTrue(extract(new InListExpression(INT, List.of(constant(1, DataTypes.INTEGER), SMALL))).isEmpty());
        // through a widening cast; a value the column cannot hold matches nothing and is dropped
        RowExpression widened = new InListExpression(new Cast(SMALL, DataTypes.INTEGER), List.of(constant(1, DataTypes.INTEGER), constant(70_000, DataTypes.INTEGER)));
        assertEquals(new ColumnPredicate.In(4, List.of((short) 1)), predicate(widened));
    }

    @Test
    void likePrefixes()
    {
        assertEquals(new ColumnPredicate.StartsWith(1, "abc"), predicate(like(TEXT, "abc%")));
        assertTrue(extract(like(TEXT, "abc%")).orElseThrow().exact());
        // more after the first wildcard: still a prefix, no longer exact
        assertEquals(new ColumnPredicate.StartsWith(1, "ab"), predicate(like(TEXT, "ab_%")));
        assertFalse(extract(like(TEXT, "ab%c")).orElseThrow().exact());
        // no wildcard: equality
        assertEquals(new ColumnPredicate.Range(1, "abc", true, "abc", true), predicate(like(TEXT, "abc")));
        // leading wildcard, case-insensitive: nothing
        assertTrue(extract(like(TEXT, "%abc")).isEmpty());
        assertTrue(extract(new LikeExpression(TEXT, constant("abc%", DataTypes.VARCHAR), Optional.empty(), true)).isEmpty());
        // escaped wildcards are literal characters of the prefix
        LikeExpression escaped = new LikeExpression(TEXT, constant("a!%b%", DataTypes.VARCHAR), Optional.of(constant("!", DataTypes.VARCHAR)), false);
        assertEquals(new ColumnPredicate.StartsWith(1, "a%b"), predicate(escaped));
        assertTrue(extract(escaped).orElseThrow().exact());
    }

    @Test
    void castsThatKeepOrder()
    {
        assertEquals(new ColumnPredicate.Range(0, 5, true, 5, true),
                predicate(compare(Function.EQUAL, new Cast(INT, DataTypes.BIGINT), constant(5L, DataTypes.BIGINT))));
        // CAST(date AS TIMESTAMP) >= 10:00 on a day means the next day on
        assertEquals(new ColumnPredicate.Range(2, LocalDate.parse("1995-01-02"), true, null, false),
                predicate(compare(Function.GREATER_THAN_OR_EQUAL, new Cast(DAY, DataTypes.TIMESTAMP), constant(LocalDateTime.parse("1995-01-01T10:00"), DataTypes.TIMESTAMP))));
        assertEquals(new ColumnPredicate.Range(2, null, false, LocalDate.parse("1995-01-01"), false),
                predicate(compare(Function.LESS_THAN, new Cast(DAY, DataTypes.TIMESTAMP), constant(LocalDateTime.parse("1995-01-01T00:00"), DataTypes.TIMESTAMP))));
        // integer compared as a decimal: rounded to the tightest integer bound
        assertEquals(new ColumnPredicate.Range(0, 2, true, null, false),
                predicate(compare(Function.GREATER_THAN, new Cast(INT, DecimalType.of(11, 1)), constant(new BigDecimal("1.5"), DecimalType.of(2, 1)))));
        // x = 1.5 on an integer: no integer matches; no hint rather than a wrong one
        assertTrue(extract(compare(Function.EQUAL, new Cast(INT, DecimalType.of(11, 1)), constant(new BigDecimal("1.5"), DecimalType.of(2, 1)))).isEmpty());
        // narrowing and lossy casts are not seen through
        assertTrue(extract(compare(Function.EQUAL, new Cast(INT, DataTypes.SMALLINT), constant((short) 5, DataTypes.SMALLINT))).isEmpty());
        assertTrue(extract(compare(Function.EQUAL, new Cast(MONEY, DataTypes.INTEGER), constant(5, DataTypes.INTEGER))).isEmpty());
        assertTrue(extract(compare(Function.EQUAL, new Cast(TEXT, DataTypes.INTEGER), constant(5, DataTypes.INTEGER))).isEmpty());
        // constant on the left
        assertEquals(new ColumnPredicate.Range(3, new BigDecimal("1.00"), false, null, false),
                predicate(compare(Function.LESS_THAN, constant(new BigDecimal("1.00"), DecimalType.of(15, 2)), MONEY)));
    }

    @Test
    void combinePerColumn()
    {
        List<ColumnPredicate> combined = ColumnPredicateExtractor.combine(List.of(
                new ColumnPredicate.In(0, List.of(1, 5, 9)),
                new ColumnPredicate.Range(0, 2, true, null, false),
                new ColumnPredicate.Range(0, null, false, 9, false),
                new ColumnPredicate.StartsWith(1, "ab"),
                new ColumnPredicate.IsNotNull(1),
                new ColumnPredicate.IsNotNull(2)));
        assertEquals(List.of(new ColumnPredicate.In(0, List.of(5)), new ColumnPredicate.StartsWith(1, "ab"), new ColumnPredicate.IsNotNull(2)), combined);
    }

    @Test
    void implicationExamples()
    {
        ColumnPredicate xAbove10 = new ColumnPredicate.Range(0, 10, false, null, false);
        assertTrue(constraint(new ColumnPredicate.Range(0, 20, true, 20, true)).implies(xAbove10));
        assertTrue(constraint(new ColumnPredicate.Range(0, 15, false, null, false)).implies(xAbove10));
        assertTrue(constraint(new ColumnPredicate.Range(0, 11, true, 30, true)).implies(xAbove10));
        assertTrue(constraint(new ColumnPredicate.Range(0, 10, false, 11, false)).implies(xAbove10));
        assertTrue(constraint(new ColumnPredicate.In(0, List.of(11, 12))).implies(xAbove10));
        assertFalse(constraint(new ColumnPredicate.Range(0, 10, true, null, false)).implies(xAbove10));
        assertFalse(constraint(new ColumnPredicate.Range(0, 5, false, null, false)).implies(xAbove10));
        assertFalse(constraint(new ColumnPredicate.In(0, List.of(10, 12))).implies(xAbove10));
        assertFalse(constraint(new ColumnPredicate.IsNotNull(0)).implies(xAbove10));
        // IS NOT NULL follows from any comparison
        assertTrue(constraint(new ColumnPredicate.Range(0, null, false, 3, true)).implies(new ColumnPredicate.IsNotNull(0)));
        assertTrue(constraint(new ColumnPredicate.StartsWith(0, "a")).implies(new ColumnPredicate.IsNotNull(0)));
        assertFalse(constraint(new ColumnPredicate.IsNull(0)).implies(new ColumnPredicate.IsNotNull(0)));
        // prefixes
        assertTrue(constraint(new ColumnPredicate.StartsWith(0, "abc")).implies(new ColumnPredicate.StartsWith(0, "ab")));
        assertFalse(constraint(new ColumnPredicate.StartsWith(0, "ab")).implies(new ColumnPredicate.StartsWith(0, "abc")));
        assertTrue(constraint(new ColumnPredicate.Range(0, "abz", true, "abz", true)).implies(new ColumnPredicate.StartsWith(0, "ab")));
        // IN lists
        assertTrue(constraint(new ColumnPredicate.Range(0, 2, true, 2, true)).implies(new ColumnPredicate.In(0, List.of(1, 2))));
        assertFalse(constraint(new ColumnPredicate.Range(0, 1, true, 2, true)).implies(new ColumnPredicate.In(0, List.of(1, 2))));
    }

    /** Soundness over random integer predicates: whenever implication is claimed, every value of the query's set is in the index's. */
    @Test
    void implicationIsSound()
    {
        Random random = new Random(42);
        int claimed = 0;
        for (int round = 0; round < 20_000; round++) {
            List<ColumnPredicate> query = new ArrayList<>();
            int count = 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                query.add(randomPredicate(random));
            }
            ColumnPredicate index = randomPredicate(random);
            ColumnConstraint constraint = new ColumnConstraint(0);
            query.forEach(constraint::add);
            boolean implied = constraint.implies(index);
            if (implied) {
                claimed++;
                for (Integer value : domain()) {
                    boolean matchesQuery = true;
                    for (ColumnPredicate predicate : query) {
                        matchesQuery &= matches(predicate, value);
                    }
                    if (matchesQuery) {
                        assertTrue(matches(index, value), () -> query + " claimed to imply " + index + " but " + value + " differs");
                    }
                }
            }
        }
        // the generator must exercise the positive case too
        assertTrue(claimed > 1000, "only " + claimed + " implications");
    }

    private static ColumnConstraint constraint(ColumnPredicate... predicates)
    {
        ColumnConstraint constraint = new ColumnConstraint(0);
        for (ColumnPredicate predicate : predicates) {
            constraint.add(predicate);
        }
        return constraint;
    }

    private static List<Integer> domain()
    {
        List<Integer> values = new ArrayList<>();
        values.add(null);
        for (int i = -12; i <= 12; i++) {
            values.add(i);
        }
        return values;
    }

    private static ColumnPredicate randomPredicate(Random random)
    {
        return switch (random.nextInt(6)) {
            case 0 -> new ColumnPredicate.IsNotNull(0);
            case 1 -> new ColumnPredicate.IsNull(0);
            case 2 -> {
                List<Object> values = new ArrayList<>();
                int count = 1 + random.nextInt(3);
                for (int i = 0; i < count; i++) {
                    int value = random.nextInt(21) - 10;
                    if (!values.contains(value)) {
                        values.add(value);
                    }
                }
                values.sort((a, b) -> Integer.compare((Integer) a, (Integer) b));
                yield new ColumnPredicate.In(0, values);
            }
            default -> {
                Integer low = random.nextInt(4) == 0 ? null : random.nextInt(21) - 10;
                Integer high = random.nextInt(4) == 0 ? null : random.nextInt(21) - 10;
                if (low == null && high == null) {
                    low = 0;
                }
                yield new ColumnPredicate.Range(0, low, random.nextBoolean(), high, random.nextBoolean());
            }
        };
    }

    private static boolean matches(ColumnPredicate predicate, Integer value)
    {
        return switch (predicate) {
            case ColumnPredicate.IsNull n -> value == null;
            case ColumnPredicate.IsNotNull n -> value != null;
            case ColumnPredicate.In in -> value != null && in.values().contains(value);
            case ColumnPredicate.Range range -> {
                if (value == null) {
                    yield false;
                }
                boolean ok = true;
                if (range.low() != null) {
                    int low = (Integer) range.low();
                    ok &= range.lowInclusive() ? value >= low : value > low;
                }
                if (range.high() != null) {
                    int high = (Integer) range.high();
                    ok &= range.highInclusive() ? value <= high : value < high;
                }
                yield ok;
            }
            case ColumnPredicate.StartsWith s -> false;
        };
    }
}
