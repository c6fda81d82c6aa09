package dev.basalt.planner.rule;

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
import dev.basalt.spi.type.BigintType;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DateType;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.spi.type.DoubleType;
import dev.basalt.spi.type.IntegerType;
import dev.basalt.spi.type.SmallintType;
import dev.basalt.spi.type.TimestampType;
import dev.basalt.spi.type.VarcharType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToIntFunction;

/**
 * Turns one conjunct of a filter into a {@link ColumnPredicate} on a table column: {@code column op constant}
 * (=, &lt;, &lt;=, &gt;, &gt;=; BETWEEN arrives as two of them), {@code column IN (constants)}, {@code column LIKE
 * 'prefix%'}, IS [NOT] NULL. The column may sit under a cast that keeps order and loses nothing
 * ({@code CAST(int_col AS BIGINT)}, {@code CAST(date_col AS TIMESTAMP)}, integer to DECIMAL, ...): the constant
 * is then converted to the column's type, rounding to the tightest bound that keeps every matching row.
 *
 * <p>The result is {@link Extracted#exact() exact} when the conjunct is true for exactly the rows the predicate
 * accepts (needed to prove that a query implies a partial index's predicate); otherwise it only contains them
 * (enough for zone-map hints).
 */
public final class ColumnPredicateExtractor
{
    private ColumnPredicateExtractor() {}

    /** A conjunct as a predicate on one column; {@code exact} when equivalent, not just implied. */
    public record Extracted(ColumnPredicate predicate, boolean exact) {}

    /** A column (possibly under an order-preserving lossless cast) and the column's own type. */
    private record ColumnOperand(int column, DataType columnType) {}

    /**
     * @param columnOf the table ordinal a reference reads, or -1 when it is not a table column
     */
    public static Optional<Extracted> extract(RowExpression conjunct, ToIntFunction<InputReference> columnOf)
    {
        return switch (conjunct) {
            case InListExpression inList -> inList(inList, columnOf);
            case LikeExpression like -> like(like, columnOf);
            case Call call -> call(call, columnOf);
            default -> Optional.empty();
        };
    }

    private static Optional<Extracted> call(Call call, ToIntFunction<InputReference> columnOf)
    {
        Function function = call.function();
        if ((function == Function.IS_NULL || function == Function.IS_NOT_NULL) && call.arguments().size() == 1) {
            ColumnOperand operand = operand(call.argument(0), columnOf);
            if (operand == null) {
                return Optional.empty();
            }
            ColumnPredicate predicate = function == Function.IS_NULL ? new ColumnPredicate.IsNull(operand.column()) : new ColumnPredicate.IsNotNull(operand.column());
            return Optional.of(new Extracted(predicate, true));
        }
        if (call.arguments().size() != 2) {
            return Optional.empty();
        }
        Call oriented = Expressions.constantOnRight(call);
        RowExpression left = oriented.argument(0);
        RowExpression right = oriented.argument(1);
        function = oriented.function();
        if (!(right instanceof Constant constant) || constant.isNull()) {
            return Optional.empty();
        }
        ColumnOperand operand = operand(left, columnOf);
        if (operand == null) {
            return Optional.empty();
        }
        int column = operand.column();
        DataType type = operand.columnType();
        return switch (function) {
            case EQUAL -> {
                Object low = toColumnValue(constant, type, RoundingMode.CEILING);
                Object high = toColumnValue(constant, type, RoundingMode.FLOOR);
                if (low == null || high == null || ValueComparator.compare(low, high) != 0) {
                    // not representable in the column's type: no row matches, but say nothing rather than risk it
                    yield Optional.empty();
                }
                yield Optional.of(new Extracted(new ColumnPredicate.Range(column, low, true, high, true), true));
            }
            case GREATER_THAN, GREATER_THAN_OR_EQUAL -> {
                // x > 1.5 on an integer column is x >= 2: round up, and the bound is then inclusive
                Object low = toColumnValue(constant, type, RoundingMode.CEILING);
                if (low == null) {
                    yield Optional.empty();
                }
                boolean inclusive = function == Function.GREATER_THAN_OR_EQUAL || !sameValue(low, constant, type);
                yield Optional.of(new Extracted(new ColumnPredicate.Range(column, low, inclusive, null, false), true));
            }
            case LESS_THAN, LESS_THAN_OR_EQUAL -> {
                Object high = toColumnValue(constant, type, RoundingMode.FLOOR);
                if (high == null) {
                    yield Optional.empty();
                }
                boolean inclusive = function == Function.LESS_THAN_OR_EQUAL || !sameValue(high, constant, type);
                yield Optional.of(new Extracted(new ColumnPredicate.Range(column, null, false, high, inclusive), true));
            }
            default -> Optional.empty();
        };
    }

    private static Optional<Extracted> inList(InListExpression inList, ToIntFunction<InputReference> columnOf)
    {
        ColumnOperand operand = operand(inList.value(), columnOf);
        if (operand == null) {
            return Optional.empty();
        }
        TreeSet<Object> values = new TreeSet<>(ValueComparator::compare);
        for (RowExpression element : inList.list()) {
            if (!(element instanceof Constant constant)) {
                return Optional.empty();
            }
            if (constant.isNull()) {
                // x IN (.., NULL) is never TRUE because of the NULL
                continue;
            }
            Object low = toColumnValue(constant, operand.columnType(), RoundingMode.CEILING);
            Object high = toColumnValue(constant, operand.columnType(), RoundingMode.FLOOR);
            // a value the column cannot hold exactly matches no row
            if (low != null && high != null && ValueComparator.compare(low, high) == 0) {
                values.add(low);
            }
        }
        if (values.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Extracted(new ColumnPredicate.In(operand.column(), new ArrayList<>(values)), true));
    }

    private static Optional<Extracted> like(LikeExpression like, ToIntFunction<InputReference> columnOf)
    {
        if (like.caseInsensitive() || !(like.value() instanceof InputReference reference) || !(reference.type() instanceof VarcharType)
                || !(like.pattern() instanceof Constant pattern) || pattern.isNull()) {
            return Optional.empty();
        }
        int column = columnOf.applyAsInt(reference);
        if (column < 0) {
            return Optional.empty();
        }
        int escape = -1;
        if (like.escape().isPresent()) {
            if (!(like.escape().get() instanceof Constant escapeConstant) || escapeConstant.isNull()
                    || ((String) escapeConstant.value()).codePointCount(0, ((String) escapeConstant.value()).length()) != 1) {
                return Optional.empty();
            }
            escape = ((String) escapeConstant.value()).codePointAt(0);
        }
        String text = (String) pattern.value();
        StringBuilder prefix = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            if (c == escape) {
                i += Character.charCount(c);
                if (i >= text.length()) {
                    // a trailing escape is an error at run time: leave the predicate alone
                    return Optional.empty();
                }
                int escaped = text.codePointAt(i);
                prefix.appendCodePoint(escaped);
                i += Character.charCount(escaped);
                continue;
            }
            if (c == '%' || c == '_') {
                break;
            }
            prefix.appendCodePoint(c);
            i += Character.charCount(c);
        }
        if (i >= text.length()) {
            // no wildcard: LIKE 'abc' is = 'abc'
            String value = prefix.toString();
            return Optional.of(new Extracted(new ColumnPredicate.Range(column, value, true, value, true), true));
        }
        if (prefix.isEmpty()) {
            return Optional.empty();
        }
        // exact only for 'prefix%' with nothing after the first '%'
        boolean exact = text.codePointAt(i) == '%' && i + 1 == text.length();
        return Optional.of(new Extracted(new ColumnPredicate.StartsWith(column, prefix.toString()), exact));
    }

    private static ColumnOperand operand(RowExpression expression, ToIntFunction<InputReference> columnOf)
    {
        if (expression instanceof InputReference reference) {
            int column = columnOf.applyAsInt(reference);
            return column < 0 ? null : new ColumnOperand(column, reference.type());
        }
        if (expression instanceof Cast cast && !cast.tryCast() && cast.input() instanceof InputReference reference && preservesOrder(reference.type(), cast.type())) {
            int column = columnOf.applyAsInt(reference);
            return column < 0 ? null : new ColumnOperand(column, reference.type());
        }
        return null;
    }

    /** Whether a cast from {@code from} to {@code to} is strictly increasing (keeps order, maps distinct values apart). */
    static boolean preservesOrder(DataType from, DataType to)
    {
        if (from.equals(to)) {
            return true;
        }
        if (from.isIntegral() && to.isIntegral()) {
            return width(from) <= width(to);
        }
        if (from.isIntegral() && to instanceof DecimalType) {
            return true;
        }
        if ((from instanceof SmallintType || from instanceof IntegerType) && to instanceof DoubleType) {
            return true;
        }
        if (from instanceof DecimalType source && to instanceof DecimalType target) {
            return target.scale() >= source.scale();
        }
        return from instanceof DateType && to instanceof TimestampType;
    }

    private static int width(DataType type)
    {
        return switch (type) {
            case SmallintType s -> 2;
            case IntegerType i -> 4;
            case BigintType b -> 8;
            default -> Integer.MAX_VALUE;
        };
    }

    private static boolean sameValue(Object columnValue, Constant constant, DataType columnType)
    {
        Object low = toColumnValue(constant, columnType, RoundingMode.CEILING);
        Object high = toColumnValue(constant, columnType, RoundingMode.FLOOR);
        return low != null && high != null && ValueComparator.compare(low, high) == 0 && ValueComparator.compare(columnValue, low) == 0;
    }

    /**
     * The constant as a canonical value of the column type, rounded in {@code direction} (CEILING or FLOOR) when
     * the column cannot hold it exactly; null when it cannot be expressed at all.
     */
    static Object toColumnValue(Constant constant, DataType columnType, RoundingMode direction)
    {
        DataType type = constant.type();
        Object value = constant.value();
        if (type.equals(columnType) || (type instanceof VarcharType && columnType instanceof VarcharType)) {
            return value;
        }
        if (columnType instanceof DecimalType decimal) {
            BigDecimal number = switch (value) {
                case BigDecimal d -> d;
                case Long l -> BigDecimal.valueOf(l);
                case Integer i -> BigDecimal.valueOf(i);
                case Short s -> BigDecimal.valueOf(s);
                default -> null;
            };
            return number == null ? null : number.setScale(decimal.scale(), direction);
        }
        if (columnType.isIntegral()) {
            BigDecimal number = switch (value) {
                case BigDecimal d -> d;
                case Long l -> BigDecimal.valueOf(l);
                case Integer i -> BigDecimal.valueOf(i);
                case Short s -> BigDecimal.valueOf(s);
                case Double d when !d.isNaN() && !d.isInfinite() -> new BigDecimal(d);
                default -> null;
            };
            if (number == null) {
                return null;
            }
            BigDecimal rounded = number.setScale(0, direction);
            if (rounded.toBigInteger().bitLength() > 63) {
                return null;
            }
            long whole = rounded.longValueExact();
            return switch (columnType) {
                case SmallintType s -> whole >= Short.MIN_VALUE && whole <= Short.MAX_VALUE ? (Object) (short) whole : null;
                case IntegerType i -> whole >= Integer.MIN_VALUE && whole <= Integer.MAX_VALUE ? (Object) (int) whole : null;
                case BigintType b -> (Object) whole;
                default -> null;
            };
        }
        if (columnType instanceof TimestampType && value instanceof LocalDate date) {
            return date.atStartOfDay();
        }
        if (columnType instanceof DateType && value instanceof LocalDateTime timestamp) {
            LocalDate date = timestamp.toLocalDate();
            boolean midnight = timestamp.equals(date.atStartOfDay());
            return direction == RoundingMode.CEILING && !midnight ? date.plusDays(1) : date;
        }
        return null;
    }

    /** Conjuncts' predicates merged per column for zone maps: ranges intersected, IN lists narrowed. */
    public static List<ColumnPredicate> combine(List<ColumnPredicate> predicates)
    {
        Map<Integer, ColumnConstraint> byColumn = new TreeMap<>();
        for (ColumnPredicate predicate : predicates) {
            byColumn.computeIfAbsent(predicate.column(), ColumnConstraint::new).add(predicate);
        }
        List<ColumnPredicate> result = new ArrayList<>();
        for (ColumnConstraint constraint : byColumn.values()) {
            constraint.addTo(result);
        }
        return result;
    }
}
