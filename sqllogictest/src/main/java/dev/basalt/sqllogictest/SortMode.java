package dev.basalt.sqllogictest;

import java.util.Locale;

/** How a query's result is put in order before comparison (sqllogictest semantics). */
public enum SortMode
{
    /** Compare in the order the engine returned the rows. */
    NOSORT,
    /** Sort rows, comparing their formatted values column by column as strings. */
    ROWSORT,
    /** Sort all formatted values individually, ignoring row boundaries. */
    VALUESORT;

    public static SortMode parse(String text)
    {
        return switch (text) {
            case "nosort" -> NOSORT;
            case "rowsort" -> ROWSORT;
            case "valuesort" -> VALUESORT;
            default -> null;
        };
    }

    public String keyword()
    {
        return name().toLowerCase(Locale.ROOT);
    }
}
