package dev.basalt.planner.evaluate;

import java.math.BigDecimal;

/** SQL ordering of two non-null canonical values of the same type family (as execution compares them). */
public final class ValueComparator
{
    private ValueComparator() {}

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static int compare(Object left, Object right)
    {
        if (left instanceof BigDecimal a && right instanceof BigDecimal b) {
            return a.compareTo(b);
        }
        if ((left instanceof Double || left instanceof Float) && right instanceof Number b) {
            return compareDoubles(((Number) left).doubleValue(), b.doubleValue());
        }
        if (left instanceof Number a && (right instanceof Double || right instanceof Float)) {
            return compareDoubles(a.doubleValue(), ((Number) right).doubleValue());
        }
        if (left instanceof Number a && right instanceof Number b && !(left instanceof BigDecimal) && !(right instanceof BigDecimal)) {
            return Long.compare(a.longValue(), b.longValue());
        }
        if (left instanceof Number a && right instanceof Number b) {
            return toDecimal(a).compareTo(toDecimal(b));
        }
        if (left instanceof String a && right instanceof String b) {
            return compareStrings(a, b);
        }
        if (left instanceof byte[] a && right instanceof byte[] b) {
            return java.util.Arrays.compareUnsigned(a, b);
        }
        if (left.getClass() == right.getClass() && left instanceof Comparable comparable) {
            return comparable.compareTo(right);
        }
        throw new NotFoldableException("cannot compare " + left.getClass().getSimpleName() + " and " + right.getClass().getSimpleName());
    }

    private static BigDecimal toDecimal(Number number)
    {
        return number instanceof BigDecimal decimal ? decimal : BigDecimal.valueOf(number.longValue());
    }

    /** -0.0 equals 0.0; NaN is equal to itself and greater than everything (PostgreSQL/DuckDB). */
    private static int compareDoubles(double a, double b)
    {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.compare(a, b);
        }
        return a < b ? -1 : (a > b ? 1 : 0);
    }

    /** Code point order, which is UTF-8 byte order (what execution compares). */
    public static int compareStrings(String a, String b)
    {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
