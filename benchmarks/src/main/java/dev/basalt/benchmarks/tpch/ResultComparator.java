package dev.basalt.benchmarks.tpch;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Compares two query results by value: numbers of any Java type are equal within a relative tolerance
 * (decimals that are exactly equal always are), dates and timestamps by value whatever their JDBC class,
 * text exactly, NULL only with NULL. Ordered results compare row by row; unordered ones after sorting.
 */
public final class ResultComparator
{
    private static final MathContext SORT_DIGITS = new MathContext(6);

    private final double relativeTolerance;

    public ResultComparator(double relativeTolerance)
    {
        this.relativeTolerance = relativeTolerance;
    }

    /** The outcome of a comparison: equal, or how the results differ. */
    public record Difference(Kind kind, String message)
    {
        public enum Kind
        {
            ROW_COUNT, VALUES, ORDER_ONLY
        }
    }

    /** Null when {@code actual} equals {@code expected}. */
    public Difference compare(List<List<Object>> actual, List<List<Object>> expected, boolean ordered)
    {
        if (actual.size() != expected.size()) {
            return new Difference(Difference.Kind.ROW_COUNT, actual.size() + " rows, expected " + expected.size());
        }
        if (ordered) {
            String difference = compareRows(actual, expected);
            if (difference == null) {
                return null;
            }
            if (compareRows(sorted(actual), sorted(expected)) == null) {
                return new Difference(Difference.Kind.ORDER_ONLY, "same rows in another order (ties in the ORDER BY keys?); " + difference);
            }
            return new Difference(Difference.Kind.VALUES, difference);
        }
        String difference = compareRows(sorted(actual), sorted(expected));
        return difference == null ? null : new Difference(Difference.Kind.VALUES, difference);
    }

    private String compareRows(List<List<Object>> actual, List<List<Object>> expected)
    {
        for (int row = 0; row < actual.size(); row++) {
            List<Object> left = actual.get(row);
            List<Object> right = expected.get(row);
            if (left.size() != right.size()) {
                return "row " + (row + 1) + " has " + left.size() + " columns, expected " + right.size();
            }
            for (int column = 0; column < left.size(); column++) {
                if (!valuesEqual(left.get(column), right.get(column))) {
                    return "row " + (row + 1) + " column " + (column + 1) + ": " + show(left.get(column)) + ", expected "
                            + show(right.get(column));
                }
            }
        }
        return null;
    }

    boolean valuesEqual(Object left, Object right)
    {
        Object a = normalize(left);
        Object b = normalize(right);
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            if (x.compareTo(y) == 0) {
                return true;
            }
            double dx = x.doubleValue();
            double dy = y.doubleValue();
            double scale = Math.max(Math.abs(dx), Math.abs(dy));
            return Math.abs(dx - dy) <= relativeTolerance * scale;
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x.equals(y);
        }
        if (a.getClass() == b.getClass()) {
            return a.equals(b);
        }
        return a.toString().equals(b.toString());
    }

    /** Numbers as BigDecimal (NaN/infinity stay Double), JDBC dates as java.time, CHAR padding kept. */
    static Object normalize(Object value)
    {
        return switch (value) {
            case null -> null;
            case BigDecimal d -> d;
            case BigInteger i -> new BigDecimal(i);
            case Double d -> Double.isFinite(d) ? new BigDecimal(d) : d;
            case Float f -> Float.isFinite(f) ? new BigDecimal(f.doubleValue()) : f.doubleValue();
            case Long l -> BigDecimal.valueOf(l);
            case Integer i -> BigDecimal.valueOf(i);
            case Short s -> BigDecimal.valueOf(s);
            case Byte b -> BigDecimal.valueOf(b);
            case java.sql.Date d -> d.toLocalDate();
            case java.sql.Timestamp t -> t.toLocalDateTime();
            case LocalDate d -> d;
            case LocalDateTime t -> t;
            default -> value;
        };
    }

    /** Rows sorted by a key that rounds numbers to 6 significant digits, so values within tolerance sort alike. */
    private static List<List<Object>> sorted(List<List<Object>> rows)
    {
        List<List<Object>> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(ResultComparator::sortKey));
        return copy;
    }

    private static String sortKey(List<Object> row)
    {
        StringBuilder key = new StringBuilder();
        for (Object value : row) {
            Object normalized = normalize(value);
            if (normalized instanceof BigDecimal decimal) {
                key.append(decimal.round(SORT_DIGITS).stripTrailingZeros().toPlainString());
            }
            else {
                key.append(Objects.toString(normalized));
            }
            key.append('\u0001');
        }
        return key.toString();
    }

    private static String show(Object value)
    {
        return value == null ? "NULL" : value + " (" + value.getClass().getSimpleName() + ")";
    }
}
