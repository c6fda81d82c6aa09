package dev.basalt.planner.logical;

import dev.basalt.spi.catalog.ColumnPredicate;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DataTypes;

import java.util.function.IntFunction;

/** Renders zone-map hints ({@link ColumnPredicate}) for plan printers and EXPLAIN. */
public final class PredicateFormatter
{
    private PredicateFormatter() {}

    /** {@code columnName} and {@code columnType} describe a table ordinal (type may be null when unknown). */
    public static String format(ColumnPredicate predicate, IntFunction<String> columnName, IntFunction<DataType> columnType)
    {
        String name = columnName.apply(predicate.column());
        return switch (predicate) {
            case ColumnPredicate.IsNull isNull -> name + " IS NULL";
            case ColumnPredicate.IsNotNull isNotNull -> name + " IS NOT NULL";
            case ColumnPredicate.Range range -> formatRange(range, name, columnType.apply(predicate.column()));
            case ColumnPredicate.In in -> {
                DataType type = columnType.apply(predicate.column());
                StringBuilder out = new StringBuilder(name).append(" IN (");
                for (int i = 0; i < in.values().size(); i++) {
                    out.append(i == 0 ? "" : ", ").append(value(in.values().get(i), type));
                }
                yield out.append(')').toString();
            }
            // LIKE 'prefix%' reads best, but only when the prefix has no wildcard characters of its own
            case ColumnPredicate.StartsWith startsWith -> startsWith.prefix().contains("%") || startsWith.prefix().contains("_")
                    ? "starts_with(" + name + ", " + ExpressionPrinter.formatConstant(startsWith.prefix(), DataTypes.VARCHAR) + ")"
                    : name + " LIKE " + ExpressionPrinter.formatConstant(startsWith.prefix() + "%", DataTypes.VARCHAR);
        };
    }

    private static String formatRange(ColumnPredicate.Range range, String name, DataType type)
    {
        if (range.low() != null && range.high() != null && range.lowInclusive() && range.highInclusive() && range.low().equals(range.high())) {
            return name + " = " + value(range.low(), type);
        }
        StringBuilder out = new StringBuilder();
        if (range.low() != null) {
            out.append(value(range.low(), type)).append(range.lowInclusive() ? " <= " : " < ");
        }
        out.append(name);
        if (range.high() != null) {
            out.append(range.highInclusive() ? " <= " : " < ").append(value(range.high(), type));
        }
        return out.toString();
    }

    private static String value(Object value, DataType type)
    {
        return type == null ? String.valueOf(value) : ExpressionPrinter.formatConstant(value, type);
    }
}
