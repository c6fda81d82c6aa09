package dev.basalt.planner.rule;

import dev.basalt.planner.evaluate.ValueComparator;
import dev.basalt.planner.expression.Call;
import dev.basalt.planner.expression.Constant;
import dev.basalt.planner.expression.Function;
import dev.basalt.planner.expression.InListExpression;
import dev.basalt.planner.expression.InputReference;
import dev.basalt.planner.expression.RowExpression;
import dev.basalt.planner.logical.Expressions;
import dev.basalt.planner.logical.Filter;
import dev.basalt.planner.logical.LogicalPlan;
import dev.basalt.planner.logical.Scan;
import dev.basalt.planner.logical.Symbol;
import dev.basalt.spi.catalog.ColumnPredicate;
import dev.basalt.spi.type.BigintType;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.spi.type.IntegerType;
import dev.basalt.spi.type.SmallintType;
import dev.basalt.spi.type.VarcharType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Copies the parts of a filter directly above a scan that a zone map can use into {@link Scan#predicates()}:
 * {@code column op constant} (=, &lt;, &lt;=, &gt;, &gt;=, also BETWEEN's two halves and constant IN lists as a
 * min..max range), IS NULL and IS NOT NULL, with values converted to the column's canonical type (rounded
 * outwards when a DECIMAL constant has more digits, so the hint never excludes a matching row). The filter
 * itself stays: the hints only let storage skip row groups.
 */
public final class ExtractScanPredicates extends NodeRule
{
    @Override
    protected LogicalPlan rewrite(LogicalPlan node, RuleContext context)
    {
        if (!(node instanceof Filter filter) || !(filter.source() instanceof Scan scan)) {
            return null;
        }
        Map<Integer, ColumnBounds> bounds = new TreeMap<>();
        for (RowExpression conjunct : Expressions.conjuncts(filter.predicate())) {
            extract(conjunct, scan, bounds);
        }
        List<ColumnPredicate> predicates = new ArrayList<>();
        for (Map.Entry<Integer, ColumnBounds> entry : bounds.entrySet()) {
            entry.getValue().addTo(entry.getKey(), predicates);
        }
        if (predicates.equals(scan.predicates())) {
            return null;
        }
        return new Filter(new Scan(scan.schema(), scan.columns(), scan.outputs(), predicates, scan.statistics()), filter.predicate());
    }

    private static void extract(RowExpression conjunct, Scan scan, Map<Integer, ColumnBounds> bounds)
    {
        if (conjunct instanceof InListExpression inList && inList.value() instanceof InputReference reference) {
            int column = column(scan, reference);
            if (column < 0) {
                return;
            }
            Object min = null;
            Object max = null;
            for (RowExpression element : inList.list()) {
                if (!(element instanceof Constant constant) || constant.isNull()) {
                    continue;
                }
                Object low = toColumnValue(constant, reference.type(), RoundingMode.FLOOR);
                Object high = toColumnValue(constant, reference.type(), RoundingMode.CEILING);
                if (low == null || high == null) {
                    return;
                }
                min = min == null || ValueComparator.compare(low, min) < 0 ? low : min;
                max = max == null || ValueComparator.compare(high, max) > 0 ? high : max;
            }
            if (min != null) {
                ColumnBounds columnBounds = bounds.computeIfAbsent(column, c -> new ColumnBounds());
                columnBounds.low(min, true);
                columnBounds.high(max, true);
            }
            return;
        }
        if (!(conjunct instanceof Call call)) {
            return;
        }
        if ((call.function() == Function.IS_NULL || call.function() == Function.IS_NOT_NULL) && call.argument(0) instanceof InputReference reference) {
            int column = column(scan, reference);
            if (column >= 0) {
                ColumnBounds columnBounds = bounds.computeIfAbsent(column, c -> new ColumnBounds());
                if (call.function() == Function.IS_NULL) {
                    columnBounds.isNull = true;
                }
                else {
                    columnBounds.isNotNull = true;
                }
            }
            return;
        }
        Function function = call.function();
        if (call.arguments().size() != 2) {
            return;
        }
        RowExpression left = call.argument(0);
        RowExpression right = call.argument(1);
        if (left instanceof Constant && right instanceof InputReference) {
            RowExpression swap = left;
            left = right;
            right = swap;
            function = flip(function);
        }
        if (!(left instanceof InputReference reference) || !(right instanceof Constant constant) || constant.isNull()) {
            return;
        }
        int column = column(scan, reference);
        if (column < 0) {
            return;
        }
        DataType type = reference.type();
        switch (function) {
            case EQUAL -> {
                Object low = toColumnValue(constant, type, RoundingMode.FLOOR);
                Object high = toColumnValue(constant, type, RoundingMode.CEILING);
                if (low != null && high != null) {
                    ColumnBounds columnBounds = bounds.computeIfAbsent(column, c -> new ColumnBounds());
                    columnBounds.low(low, true);
                    columnBounds.high(high, true);
                }
            }
            case GREATER_THAN, GREATER_THAN_OR_EQUAL -> {
                Object low = toColumnValue(constant, type, RoundingMode.FLOOR);
                if (low != null) {
                    boolean exact = ValueComparator.compare(low, constant.value()) == 0;
                    bounds.computeIfAbsent(column, c -> new ColumnBounds()).low(low, function == Function.GREATER_THAN_OR_EQUAL || !exact);
                }
            }
            case LESS_THAN, LESS_THAN_OR_EQUAL -> {
                Object high = toColumnValue(constant, type, RoundingMode.CEILING);
                if (high != null) {
                    boolean exact = ValueComparator.compare(high, constant.value()) == 0;
                    bounds.computeIfAbsent(column, c -> new ColumnBounds()).high(high, function == Function.LESS_THAN_OR_EQUAL || !exact);
                }
            }
            default -> { }
        }
    }

    private static int column(Scan scan, InputReference reference)
    {
        for (int i = 0; i < scan.outputs().size(); i++) {
            Symbol symbol = scan.outputs().get(i);
            if (symbol.id() == reference.index()) {
                return scan.columns().get(i);
            }
        }
        return -1;
    }

    private static Function flip(Function function)
    {
        return switch (function) {
            case LESS_THAN -> Function.GREATER_THAN;
            case LESS_THAN_OR_EQUAL -> Function.GREATER_THAN_OR_EQUAL;
            case GREATER_THAN -> Function.LESS_THAN;
            case GREATER_THAN_OR_EQUAL -> Function.LESS_THAN_OR_EQUAL;
            default -> function;
        };
    }

    /**
     * The constant as a canonical value of the column type, rounded in {@code direction} when a DECIMAL constant
     * has more fractional digits than the column; null when it cannot be expressed.
     */
    private static Object toColumnValue(Constant constant, DataType columnType, RoundingMode direction)
    {
        DataType type = constant.type();
        Object value = constant.value();
        if (type.equals(columnType) || (type instanceof VarcharType && columnType instanceof VarcharType)) {
            return value;
        }
        if (columnType instanceof DecimalType decimal && value instanceof BigDecimal number) {
            return number.setScale(decimal.scale(), direction);
        }
        if (columnType.isIntegral() && type.isIntegral()) {
            long number = ((Number) value).longValue();
            return switch (columnType) {
                case SmallintType s -> number >= Short.MIN_VALUE && number <= Short.MAX_VALUE ? (Object) (short) number : null;
                case IntegerType i -> number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE ? (Object) (int) number : null;
                case BigintType b -> (Object) number;
                default -> null;
            };
        }
        return null;
    }

    /** What the conjuncts say about one column. */
    private static final class ColumnBounds
    {
        private Object low;
        private boolean lowInclusive;
        private Object high;
        private boolean highInclusive;
        private boolean isNull;
        private boolean isNotNull;

        void low(Object value, boolean inclusive)
        {
            int order = low == null ? 1 : ValueComparator.compare(value, low);
            if (order > 0) {
                low = value;
                lowInclusive = inclusive;
            }
            else if (order == 0) {
                lowInclusive &= inclusive;
            }
        }

        void high(Object value, boolean inclusive)
        {
            int order = high == null ? -1 : ValueComparator.compare(value, high);
            if (order < 0) {
                high = value;
                highInclusive = inclusive;
            }
            else if (order == 0) {
                highInclusive &= inclusive;
            }
        }

        void addTo(int column, List<ColumnPredicate> predicates)
        {
            if (low != null || high != null) {
                predicates.add(new ColumnPredicate.Range(column, low, lowInclusive, high, highInclusive));
            }
            else if (isNotNull) {
                predicates.add(new ColumnPredicate.IsNotNull(column));
            }
            if (isNull) {
                predicates.add(new ColumnPredicate.IsNull(column));
            }
        }
    }
}
