package dev.basalt.planner.analyzer;

import dev.basalt.parser.SqlFormatter;
import dev.basalt.parser.tree.ColumnReference;
import dev.basalt.parser.tree.Expression;
import dev.basalt.parser.tree.FunctionCall;

import java.util.Locale;

/** Default result column names, DuckDB style: the column name, {@code count_star()}, else the expression text. */
final class ColumnNames
{
    private ColumnNames() {}

    static String of(Expression expression)
    {
        return switch (expression) {
            case ColumnReference reference -> reference.name().suffix();
            case FunctionCall call when call.star() && call.arguments().isEmpty()
                    && call.name().suffix().toLowerCase(Locale.ROOT).equals("count") -> "count_star()";
            default -> SqlFormatter.format(expression);
        };
    }
}
