package dev.basalt.planner.rule;

import dev.basalt.planner.evaluate.ExpressionSimplifier;
import dev.basalt.planner.evaluate.ValueComparator;
import dev.basalt.planner.expression.Call;
import dev.basalt.planner.expression.Cast;
import dev.basalt.planner.expression.Constant;
import dev.basalt.planner.expression.Function;
import dev.basalt.planner.expression.InListExpression;
import dev.basalt.planner.expression.InputReference;
import dev.basalt.planner.expression.LikeExpression;
import dev.basalt.planner.expression.RowExpression;
import dev.basalt.planner.logical.Expressions;
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
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random conjuncts (comparisons, IN, LIKE, through casts) evaluated on sample column values against the extracted
 * predicate: a predicate never rejects a row the conjunct accepts, and an exact one accepts exactly those rows.
 */
class ColumnPredicateSoundnessTest
{
    private static final Function[] COMPARISONS = {Function.EQUAL, Function.LESS_THAN, Function.LESS_THAN_OR_EQUAL, Function.GREATER_THAN,
            Function.GREATER_THAN_OR_EQUAL};

    private record Case(DataType columnType, List<Object> values, RowExpression operand, java.util.function.Supplier<Constant> constant) {}

    @Test
    void extractedPredicatesAgreeWithEvaluation()
    {
        Random random = new Random(7);
        InputReference integer = new InputReference(0, DataTypes.INTEGER);
        InputReference day = new InputReference(0, DataTypes.DATE);
        InputReference money = new InputReference(0, DecimalType.of(6, 2));
        List<Object> integers = new ArrayList<>();
        for (int i = -6; i <= 6; i++) {
            integers.add(i);
        }
        List<Object> days = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            days.add(LocalDate.parse("2020-01-01").plusDays(i));
        }
        List<Object> amounts = new ArrayList<>();
        for (int i = -30; i <= 30; i += 7) {
            amounts.add(BigDecimal.valueOf(i, 2));
        }
        List<Case> cases = List.of(
                new Case(DataTypes.INTEGER, integers, integer, () -> new Constant(random.nextInt(15) - 7, DataTypes.INTEGER)),
                new Case(DataTypes.INTEGER, integers, new Cast(integer, DataTypes.BIGINT), () -> new Constant((long) random.nextInt(15) - 7, DataTypes.BIGINT)),
                new Case(DataTypes.INTEGER, integers, new Cast(integer, DecimalType.of(12, 1)),
                        () -> new Constant(BigDecimal.valueOf(random.nextInt(150) - 75, 1), DecimalType.of(12, 1))),
                new Case(DataTypes.INTEGER, integers, new Cast(integer, DataTypes.DOUBLE), () -> new Constant((random.nextInt(60) - 30) / 4.0, DataTypes.DOUBLE)),
                new Case(DataTypes.DATE, days, new Cast(day, DataTypes.TIMESTAMP),
                        () -> new Constant(LocalDateTime.parse("2019-12-31T00:00").plusHours(random.nextInt(6 * 24) / 6 * 6), DataTypes.TIMESTAMP)),
                new Case(DecimalType.of(6, 2), amounts, money, () -> new Constant(BigDecimal.valueOf(random.nextInt(700) - 350, 3), DecimalType.of(6, 3))),
                new Case(DecimalType.of(6, 2), amounts, new Cast(money, DecimalType.of(8, 3)),
                        () -> new Constant(BigDecimal.valueOf(random.nextInt(700) - 350, 3), DecimalType.of(8, 3))));
        int exactChecks = 0;
        for (int round = 0; round < 3000; round++) {
            Case testCase = cases.get(random.nextInt(cases.size()));
            RowExpression conjunct;
            if (random.nextInt(4) == 0) {
                List<RowExpression> list = new ArrayList<>();
                for (int i = 0; i < 1 + random.nextInt(3); i++) {
                    list.add(testCase.constant().get());
                }
                conjunct = new InListExpression(testCase.operand(), list);
            }
            else {
                Function function = COMPARISONS[random.nextInt(COMPARISONS.length)];
                conjunct = random.nextBoolean()
                        ? new Call(function, List.of(testCase.operand(), testCase.constant().get()), DataTypes.BOOLEAN)
                        : new Call(function, List.of(testCase.constant().get(), testCase.operand()), DataTypes.BOOLEAN);
            }
            Optional<ColumnPredicateExtractor.Extracted> extracted = ColumnPredicateExtractor.extract(conjunct, InputReference::index);
            for (Object value : testCase.values()) {
                boolean accepted = evaluate(conjunct, value, testCase.columnType());
                if (extracted.isEmpty()) {
                    continue;
                }
                boolean matches = matches(extracted.get().predicate(), value);
                RowExpression shown = conjunct;
                if (accepted) {
                    assertTrue(matches, () -> extracted.get() + " rejects " + value + " accepted by " + shown);
                }
                if (extracted.get().exact()) {
                    exactChecks++;
                    assertEquals(accepted, matches, () -> extracted.get() + " differs from " + shown + " at " + value);
                }
            }
        }
        assertTrue(exactChecks > 10_000, "only " + exactChecks + " exact checks");
    }

    @Test
    void likePrefixesAgreeWithEvaluation()
    {
        InputReference text = new InputReference(0, DataTypes.VARCHAR);
        List<String> values = List.of("", "a", "ab", "abc", "abd", "b", "a%", "a%b", "a_c", "ab%", "ba");
        List<String> patterns = List.of("a%", "ab%", "a%c", "a_c", "a\\%%", "a\\%b", "%a", "ab", "a\\_%", "abc%", "_");
        for (String pattern : patterns) {
            for (boolean escape : new boolean[] {false, true}) {
                LikeExpression like = new LikeExpression(text, new Constant(pattern, DataTypes.VARCHAR),
                        escape ? Optional.of(new Constant("\\", DataTypes.VARCHAR)) : Optional.empty(), false);
                Optional<ColumnPredicateExtractor.Extracted> extracted = ColumnPredicateExtractor.extract(like, InputReference::index);
                for (String value : values) {
                    boolean accepted = evaluate(like, value, DataTypes.VARCHAR);
                    if (extracted.isPresent()) {
                        boolean matches = matches(extracted.get().predicate(), value);
                        if (accepted) {
                            assertTrue(matches, () -> extracted.get() + " rejects '" + value + "' accepted by LIKE '" + pattern + "'");
                        }
                        if (extracted.get().exact()) {
                            assertEquals(accepted, matches, () -> extracted.get() + " differs from LIKE '" + pattern + "' (escape " + escape + ") at '" + value + "'");
                        }
                    }
                }
            }
        }
    }

    private static boolean evaluate(RowExpression conjunct, Object value, DataType type)
    {
        RowExpression bound = Expressions.replaceSymbols(conjunct, Map.of(0, new Constant(value, type)));
        RowExpression result = ExpressionSimplifier.simplify(bound);
        if (!(result instanceof Constant constant)) {
            throw new AssertionError("not folded: " + bound + " -> " + result);
        }
        return Boolean.TRUE.equals(constant.value());
    }

    private static boolean matches(ColumnPredicate predicate, Object value)
    {
        return switch (predicate) {
            case ColumnPredicate.IsNull n -> value == null;
            case ColumnPredicate.IsNotNull n -> value != null;
            case ColumnPredicate.In in -> {
                boolean found = false;
                for (Object candidate : in.values()) {
                    found |= ValueComparator.compare(candidate, value) == 0;
                }
                yield found;
            }
            case ColumnPredicate.StartsWith startsWith -> value instanceof String text && text.startsWith(startsWith.prefix());
            case ColumnPredicate.Range range -> {
                boolean ok = true;
                if (range.low() != null) {
                    int order = ValueComparator.compare(value, range.low());
                    ok &= range.lowInclusive() ? order >= 0 : order > 0;
                }
                if (range.high() != null) {
                    int order = ValueComparator.compare(value, range.high());
                    ok &= range.highInclusive() ? order <= 0 : order < 0;
                }
                yield ok;
            }
        };
    }
}
