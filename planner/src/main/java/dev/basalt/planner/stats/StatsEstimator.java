package dev.basalt.planner.stats;

import dev.basalt.planner.expression.Call;
import dev.basalt.planner.expression.Constant;
import dev.basalt.planner.expression.Function;
import dev.basalt.planner.expression.InListExpression;
import dev.basalt.planner.expression.InputReference;
import dev.basalt.planner.expression.LikeExpression;
import dev.basalt.planner.expression.RowExpression;
import dev.basalt.planner.logical.Aggregate;
import dev.basalt.planner.logical.Aggregation;
import dev.basalt.planner.logical.Expressions;
import dev.basalt.planner.logical.Filter;
import dev.basalt.planner.logical.Join;
import dev.basalt.planner.logical.Limit;
import dev.basalt.planner.logical.LogicalPlan;
import dev.basalt.planner.logical.Output;
import dev.basalt.planner.logical.Project;
import dev.basalt.planner.logical.Scan;
import dev.basalt.planner.logical.Sort;
import dev.basalt.planner.logical.Symbol;
import dev.basalt.planner.logical.TopN;
import dev.basalt.planner.logical.Values;
import dev.basalt.spi.catalog.TableStatistics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cardinality estimates for logical plans, from table statistics (row counts, min/max, null and distinct
 * counts) with textbook selectivities: {@code col = c} is 1/distinct, ranges interpolate between min and max,
 * an equi-join yields |L|·|R| / max(distinct keys), unknowns fall back to fixed guesses. A key whose distinct
 * count is unknown is assumed unique in its table (right for primary keys, the usual join side).
 */
public final class StatsEstimator
{
    private static final double UNKNOWN_EQUALITY = 0.1;
    private static final double UNKNOWN_RANGE = 1.0 / 3;
    private static final double UNKNOWN_PREDICATE = 0.5;
    private static final double UNKNOWN_NULL_FRACTION = 0.05;
    private static final double LIKE_SELECTIVITY = 0.1;

    private final Map<LogicalPlan, PlanEstimate> cache = new IdentityHashMap<>();

    public PlanEstimate estimate(LogicalPlan plan)
    {
        PlanEstimate cached = cache.get(plan);
        if (cached != null) {
            return cached;
        }
        PlanEstimate estimate = compute(plan);
        cache.put(plan, estimate);
        return estimate;
    }

    public double rows(LogicalPlan plan)
    {
        return estimate(plan).rows();
    }

    private PlanEstimate compute(LogicalPlan plan)
    {
        return switch (plan) {
            case Scan scan -> scan(scan);
            case Values values -> new PlanEstimate(values.rows().size(), Map.of());
            case Filter filter -> {
                PlanEstimate input = estimate(filter.source());
                yield restrict(input, selectivity(filter.predicate(), input));
            }
            case Project project -> {
                PlanEstimate input = estimate(project.source());
                Map<Integer, ColumnEstimate> columns = new HashMap<>();
                for (int i = 0; i < project.outputs().size(); i++) {
                    if (project.expressions().get(i) instanceof InputReference reference) {
                        columns.put(project.outputs().get(i).id(), input.column(reference.index()));
                    }
                }
                yield new PlanEstimate(input.rows(), columns);
            }
            case Aggregate aggregate -> aggregate(aggregate);
            case Join join -> join(join);
            case Sort sort -> estimate(sort.source());
            case TopN topN -> limit(estimate(topN.source()), topN.count());
            case Limit limit -> limit(estimate(limit.source()), limit.count());
            case dev.basalt.planner.logical.EnforceSingleRow enforce -> limit(estimate(enforce.source()), 1);
            case dev.basalt.planner.logical.Window window -> estimate(window.source());
            case dev.basalt.planner.logical.Apply apply -> estimate(apply.input());
            case dev.basalt.planner.logical.RecursiveUnion union -> new PlanEstimate(estimate(union.anchor()).rows() * 10, Map.of());
            case dev.basalt.planner.logical.WorkTableScan scan -> new PlanEstimate(100, Map.of());
            case dev.basalt.planner.logical.SeriesScan series -> new PlanEstimate(series.estimatedRows(), Map.of());
            case dev.basalt.planner.logical.SetOperation setOperation -> {
                double rows = 0;
                for (LogicalPlan input : setOperation.inputs()) {
                    rows = setOperation.type() == dev.basalt.planner.plan.SetOperationType.UNION || rows == 0 ? rows + estimate(input).rows() : rows;
                }
                yield new PlanEstimate(rows, Map.of());
            }
            case Output output -> estimate(output.source());
        };
    }

    private static PlanEstimate scan(Scan scan)
    {
        TableStatistics statistics = scan.statistics();
        double rows = Math.max(0, statistics.rowCount());
        Map<Integer, ColumnEstimate> columns = new HashMap<>();
        for (int i = 0; i < scan.outputs().size(); i++) {
            int ordinal = scan.columns().get(i);
            ColumnEstimate estimate = ColumnEstimate.UNKNOWN;
            if (ordinal < statistics.columns().size()) {
                TableStatistics.ColumnStatistics column = statistics.columns().get(ordinal);
                double distinct = column.distinctCount() >= 0 ? column.distinctCount() : rangeDistinct(column.min(), column.max());
                if (!Double.isNaN(distinct)) {
                    distinct = Math.max(1, Math.min(distinct, rows));
                }
                double nullFraction = rows > 0 ? Math.min(1, column.nullCount() / rows) : 0;
                estimate = new ColumnEstimate(distinct, column.min(), column.max(), nullFraction, scan);
            }
            columns.put(scan.outputs().get(i).id(), estimate);
        }
        return new PlanEstimate(rows, columns);
    }

    /** An integer or date column cannot have more distinct values than its min..max range holds. */
    private static double rangeDistinct(Object min, Object max)
    {
        boolean discrete = (min instanceof Integer || min instanceof Long || min instanceof Short || min instanceof LocalDate)
                && min.getClass() == (max == null ? null : max.getClass());
        if (!discrete) {
            return Double.NaN;
        }
        return toDouble(max) - toDouble(min) + 1;
    }

    private static PlanEstimate restrict(PlanEstimate input, double selectivity)
    {
        double rows = input.rows() * Math.max(0, Math.min(1, selectivity));
        Map<Integer, ColumnEstimate> columns = new HashMap<>();
        for (Map.Entry<Integer, ColumnEstimate> entry : input.columns().entrySet()) {
            columns.put(entry.getKey(), entry.getValue().capDistinct(rows));
        }
        return new PlanEstimate(rows, columns);
    }

    private static PlanEstimate limit(PlanEstimate input, long count)
    {
        if (input.rows() <= count) {
            return input;
        }
        return restrict(input, count / input.rows());
    }

    private PlanEstimate aggregate(Aggregate aggregate)
    {
        PlanEstimate input = estimate(aggregate.source());
        Map<Integer, ColumnEstimate> columns = new HashMap<>();
        if (aggregate.groupingKeys().isEmpty()) {
            return new PlanEstimate(1, columns);
        }
        double groups = 1;
        boolean unknown = false;
        for (Symbol key : aggregate.groupingKeys()) {
            ColumnEstimate column = input.column(key.id());
            if (Double.isNaN(column.distinct())) {
                unknown = true;
            }
            else {
                groups *= column.distinct();
            }
            columns.put(key.id(), column);
        }
        if (unknown) {
            // keys without statistics: guess sqrt(rows) groups, between "all equal" and "all different"
            groups *= Math.max(1, Math.sqrt(input.rows()));
        }
        double rows = Math.max(Math.min(groups, input.rows()), Math.min(1, input.rows()));
        for (Aggregation aggregation : aggregate.aggregations()) {
            columns.put(aggregation.output().id(), ColumnEstimate.UNKNOWN);
        }
        return new PlanEstimate(rows, columns);
    }

    private PlanEstimate join(Join join)
    {
        PlanEstimate left = estimate(join.left());
        PlanEstimate right = estimate(join.right());
        Set<Integer> leftIds = Expressions.ids(join.left().outputs());
        Set<Integer> rightIds = Expressions.ids(join.right().outputs());
        Map<Integer, ColumnEstimate> columns = new HashMap<>(left.columns());
        columns.putAll(right.columns());
        double product = left.rows() * right.rows();
        PlanEstimate combined = new PlanEstimate(product, columns);
        double largestDivisor = 1;
        double leftCombinations = 1;
        double rightCombinations = 1;
        Scan leftOrigin = null;
        Scan rightOrigin = null;
        int keys = 0;
        List<RowExpression> residuals = new ArrayList<>();
        if (join.condition().isPresent()) {
            for (RowExpression conjunct : Expressions.conjuncts(join.condition().get())) {
                RowExpression[] sides = equiJoinKeys(conjunct, leftIds, rightIds);
                if (sides != null) {
                    double leftDistinct = distinct(sides[0], left);
                    double rightDistinct = distinct(sides[1], right);
                    largestDivisor = Math.max(largestDivisor, Math.max(leftDistinct, rightDistinct));
                    leftCombinations *= leftDistinct;
                    rightCombinations *= rightDistinct;
                    Scan leftKeyOrigin = origin(sides[0], left);
                    Scan rightKeyOrigin = origin(sides[1], right);
                    leftOrigin = keys == 0 || leftOrigin == leftKeyOrigin ? leftKeyOrigin : null;
                    rightOrigin = keys == 0 || rightOrigin == rightKeyOrigin ? rightKeyOrigin : null;
                    keys++;
                }
                else {
                    residuals.add(conjunct);
                }
            }
        }
        // several keys: |L|·|R| / max(distinct key combinations of each side). A side's combinations are at most its
        // row count, and at most the row count of the table all its keys come from; that bound also holds for the
        // other side's combinations that can match at all (a composite foreign key into that table: lineitem's
        // (partkey, suppkey) pairs are among partsupp's rows)
        double equiDivisor = largestDivisor;
        if (keys > 1) {
            double bound = Double.POSITIVE_INFINITY;
            if (leftOrigin != null) {
                bound = Math.min(bound, Math.max(1, leftOrigin.statistics().rowCount()));
            }
            if (rightOrigin != null) {
                bound = Math.min(bound, Math.max(1, rightOrigin.statistics().rowCount()));
            }
            double leftDistinct = Math.min(Math.min(leftCombinations, Math.max(1, left.rows())), bound);
            double rightDistinct = Math.min(Math.min(rightCombinations, Math.max(1, right.rows())), bound);
            equiDivisor = Math.max(largestDivisor, Math.max(leftDistinct, rightDistinct));
        }
        double residual = residuals.isEmpty() ? 1 : conjunctionSelectivity(residuals, combined);
        PlanEstimate result = restrict(combined, residual / equiDivisor);
        return switch (join.type()) {
            case INNER -> result;
            case LEFT, SINGLE -> new PlanEstimate(Math.max(result.rows(), left.rows()), result.columns());
            case RIGHT -> new PlanEstimate(Math.max(result.rows(), right.rows()), result.columns());
            case FULL -> new PlanEstimate(Math.max(result.rows(), Math.max(left.rows(), right.rows())), result.columns());
            case MARK -> left;
            case SEMI, ANTI, RIGHT_SEMI, RIGHT_ANTI -> semiJoin(join, left, right, residual);
        };
    }

    /**
     * A semi join keeps the rows whose key value occurs on the other side: the fraction distinct(other key) /
     * distinct(own key) of them (containment of the smaller key set in the larger); an anti join keeps the rest.
     */
    private PlanEstimate semiJoin(Join join, PlanEstimate left, PlanEstimate right, double residual)
    {
        boolean rightKept = join.type() == dev.basalt.planner.plan.JoinType.RIGHT_SEMI || join.type() == dev.basalt.planner.plan.JoinType.RIGHT_ANTI;
        boolean anti = join.type() == dev.basalt.planner.plan.JoinType.ANTI || join.type() == dev.basalt.planner.plan.JoinType.RIGHT_ANTI;
        PlanEstimate kept = rightKept ? right : left;
        PlanEstimate other = rightKept ? left : right;
        Set<Integer> keptIds = Expressions.ids((rightKept ? join.right() : join.left()).outputs());
        double matched = Double.NaN;
        if (join.condition().isPresent()) {
            for (RowExpression conjunct : Expressions.conjuncts(join.condition().get())) {
                if (!(conjunct instanceof Call call) || call.function() != Function.EQUAL) {
                    continue;
                }
                for (int side = 0; side < 2; side++) {
                    RowExpression own = call.argument(side);
                    RowExpression foreign = call.argument(1 - side);
                    Set<Integer> ownIds = Expressions.symbolIds(own);
                    Set<Integer> foreignIds = Expressions.symbolIds(foreign);
                    if (ownIds.isEmpty() || foreignIds.isEmpty() || !keptIds.containsAll(ownIds) || !Collections.disjoint(keptIds, foreignIds)) {
                        continue;
                    }
                    double fraction = Math.min(1, distinct(foreign, other) / distinct(own, kept));
                    matched = Double.isNaN(matched) ? fraction : Math.min(matched, fraction);
                }
            }
        }
        if (Double.isNaN(matched)) {
            matched = 0.5;
        }
        matched *= residual;
        // never estimate an anti join as empty: NOT EXISTS usually keeps something
        double fraction = anti ? Math.max(0.1, 1 - matched) : matched;
        return restrict(kept, fraction);
    }

    /** {left key, right key} of a {@code left = right} conjunct, or null when it is not an equi-join key. */
    private static RowExpression[] equiJoinKeys(RowExpression conjunct, Set<Integer> leftIds, Set<Integer> rightIds)
    {
        if (!(conjunct instanceof Call call) || call.function() != Function.EQUAL) {
            return null;
        }
        RowExpression a = call.argument(0);
        RowExpression b = call.argument(1);
        Set<Integer> aIds = Expressions.symbolIds(a);
        Set<Integer> bIds = Expressions.symbolIds(b);
        if (aIds.isEmpty() || bIds.isEmpty()) {
            return null;
        }
        if (leftIds.containsAll(aIds) && rightIds.containsAll(bIds)) {
            return new RowExpression[] {a, b};
        }
        if (rightIds.containsAll(aIds) && leftIds.containsAll(bIds)) {
            return new RowExpression[] {b, a};
        }
        return null;
    }

    /** The scan a join key's column comes from, or null when unknown. */
    private static Scan origin(RowExpression key, PlanEstimate input)
    {
        RowExpression unwrapped = key instanceof dev.basalt.planner.expression.Cast cast ? cast.input() : key;
        return unwrapped instanceof InputReference reference ? input.column(reference.index()).origin() : null;
    }

    private static double distinct(RowExpression key, PlanEstimate input)
    {
        RowExpression unwrapped = key instanceof dev.basalt.planner.expression.Cast cast ? cast.input() : key;
        if (unwrapped instanceof InputReference reference) {
            double distinct = input.column(reference.index()).distinct();
            if (!Double.isNaN(distinct)) {
                return Math.max(1, Math.min(distinct, input.rows()));
            }
        }
        return Math.max(1, input.rows());
    }

    /** Fraction of input rows for which {@code predicate} is TRUE. */
    public double selectivity(RowExpression predicate, PlanEstimate input)
    {
        return switch (predicate) {
            case Constant constant -> Boolean.TRUE.equals(constant.value()) ? 1 : 0;
            case Call call -> callSelectivity(call, input);
            case InListExpression inList -> {
                double each = equalitySelectivity(inList.value(), input);
                yield Math.min(1, each * inList.list().size());
            }
            case LikeExpression like -> LIKE_SELECTIVITY;
            default -> UNKNOWN_PREDICATE;
        };
    }

    private double callSelectivity(Call call, PlanEstimate input)
    {
        switch (call.function()) {
            case AND:
                return conjunctionSelectivity(Expressions.conjuncts(call), input);
            case OR: {
                double none = 1;
                for (RowExpression argument : call.arguments()) {
                    none *= 1 - selectivity(argument, input);
                }
                return 1 - none;
            }
            case NOT:
                return 1 - selectivity(call.argument(0), input);
            case IS_NULL:
                return nullFraction(call.argument(0), input);
            case IS_NOT_NULL:
                return 1 - nullFraction(call.argument(0), input);
            case EQUAL, IS_NOT_DISTINCT_FROM:
                return comparison(call, input, true);
            case NOT_EQUAL, IS_DISTINCT_FROM:
                return 1 - comparison(call, input, true);
            case LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL:
                return comparison(call, input, false);
            default:
                return UNKNOWN_PREDICATE;
        }
    }

    /**
     * Product of the conjuncts' selectivities, except that range bounds on the same column form one interval: a
     * one-year date range is one slice of the column's span, not the product of two half-open ranges.
     */
    private double conjunctionSelectivity(List<RowExpression> conjuncts, PlanEstimate input)
    {
        double result = 1;
        Map<Integer, double[]> intervals = new HashMap<>();
        for (RowExpression conjunct : conjuncts) {
            if (!mergeRangeBound(conjunct, input, intervals)) {
                result *= selectivity(conjunct, input);
            }
        }
        for (double[] interval : intervals.values()) {
            result *= Math.max(0, interval[1] - interval[0]);
        }
        return result;
    }

    /**
     * Narrows the interval (as fractions of min..max) of a {@code column <op> constant} conjunct's column; false
     * when the conjunct is no such bound or the column's range is unknown.
     */
    private static boolean mergeRangeBound(RowExpression conjunct, PlanEstimate input, Map<Integer, double[]> intervals)
    {
        if (!(conjunct instanceof Call call) || call.arguments().size() != 2) {
            return false;
        }
        Function function = call.function();
        if (function != Function.LESS_THAN && function != Function.LESS_THAN_OR_EQUAL
                && function != Function.GREATER_THAN && function != Function.GREATER_THAN_OR_EQUAL) {
            return false;
        }
        Call oriented = Expressions.constantOnRight(call);
        RowExpression left = oriented.argument(0);
        RowExpression right = oriented.argument(1);
        function = oriented.function();
        if (!(left instanceof InputReference reference) || !(right instanceof Constant constant) || constant.isNull()) {
            return false;
        }
        ColumnEstimate column = input.column(reference.index());
        double low = toDouble(column.min());
        double high = toDouble(column.max());
        double value = toDouble(constant.value());
        if (Double.isNaN(low) || Double.isNaN(high) || Double.isNaN(value) || high <= low) {
            return false;
        }
        double position = Math.max(0, Math.min(1, (value - low) / (high - low)));
        double[] interval = intervals.computeIfAbsent(reference.index(), id -> new double[] {0, 1});
        if (function == Function.LESS_THAN || function == Function.LESS_THAN_OR_EQUAL) {
            interval[1] = Math.min(interval[1], position);
        }
        else {
            interval[0] = Math.max(interval[0], position);
        }
        return true;
    }

    private static double nullFraction(RowExpression expression, PlanEstimate input)
    {
        if (expression instanceof InputReference reference) {
            double fraction = input.column(reference.index()).nullFraction();
            if (!Double.isNaN(fraction)) {
                return fraction;
            }
        }
        return UNKNOWN_NULL_FRACTION;
    }

    private static double equalitySelectivity(RowExpression expression, PlanEstimate input)
    {
        RowExpression unwrapped = expression instanceof dev.basalt.planner.expression.Cast cast ? cast.input() : expression;
        if (unwrapped instanceof InputReference reference) {
            double distinct = input.column(reference.index()).distinct();
            if (!Double.isNaN(distinct) && distinct >= 1) {
                return 1 / distinct;
            }
        }
        return UNKNOWN_EQUALITY;
    }

    private static double comparison(Call call, PlanEstimate input, boolean equality)
    {
        Call oriented = Expressions.constantOnRight(call);
        RowExpression left = oriented.argument(0);
        RowExpression right = oriented.argument(1);
        Function function = oriented.function();
        if (right instanceof Constant constant && constant.isNull() && function != Function.IS_NOT_DISTINCT_FROM) {
            return 0;
        }
        if (equality) {
            if (right instanceof Constant) {
                return equalitySelectivity(left, input);
            }
            return Math.min(equalitySelectivity(left, input), equalitySelectivity(right, input));
        }
        if (left instanceof InputReference reference && right instanceof Constant constant) {
            ColumnEstimate column = input.column(reference.index());
            double low = toDouble(column.min());
            double high = toDouble(column.max());
            double value = toDouble(constant.value());
            if (!Double.isNaN(low) && !Double.isNaN(high) && !Double.isNaN(value) && high > low) {
                double below = Math.max(0, Math.min(1, (value - low) / (high - low)));
                return switch (function) {
                    case LESS_THAN, LESS_THAN_OR_EQUAL -> below;
                    default -> 1 - below;
                };
            }
        }
        return UNKNOWN_RANGE;
    }

    private static double toDouble(Object value)
    {
        return switch (value) {
            case null -> Double.NaN;
            case BigDecimal decimal -> decimal.doubleValue();
            case Number number -> number.doubleValue();
            case LocalDate date -> date.toEpochDay();
            case LocalDateTime timestamp -> timestamp.toEpochSecond(ZoneOffset.UTC) / 86_400.0;
            default -> Double.NaN;
        };
    }
}
