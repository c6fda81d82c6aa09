package dev.basalt.planner.logical;

import dev.basalt.planner.expression.Call;
import dev.basalt.planner.expression.CaseExpression;
import dev.basalt.planner.expression.Cast;
import dev.basalt.planner.expression.Constant;
import dev.basalt.planner.expression.InListExpression;
import dev.basalt.planner.expression.InputReference;
import dev.basalt.planner.expression.LikeExpression;
import dev.basalt.planner.expression.RowExpression;
import dev.basalt.spi.type.BlobType;
import dev.basalt.spi.type.BooleanType;
import dev.basalt.spi.type.DateType;
import dev.basalt.spi.type.DecimalType;
import dev.basalt.spi.type.IntervalType;
import dev.basalt.spi.type.TimestampType;
import dev.basalt.spi.type.VarcharType;
import dev.basalt.spi.value.Blobs;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/** Renders expressions as compact SQL-like text for plan printers and EXPLAIN. */
public final class ExpressionPrinter
{
    private ExpressionPrinter() {}

    /** {@code referenceName} names an InputReference index (a symbol in logical plans, a position in physical ones). */
    public static String format(RowExpression expression, IntFunction<String> referenceName)
    {
        StringBuilder out = new StringBuilder();
        append(out, expression, referenceName);
        return out.toString();
    }

    public static String formatConstant(Object value, dev.basalt.spi.type.DataType type)
    {
        if (value == null) {
            return "NULL";
        }
        return switch (type) {
            case VarcharType t -> "'" + value.toString().replace("'", "''") + "'";
            case DateType t -> "DATE '" + value + "'";
            case TimestampType t -> "TIMESTAMP '" + value.toString().replace('T', ' ') + "'";
            case IntervalType t -> "INTERVAL '" + value + "'";
            case DecimalType t -> ((BigDecimal) value).toPlainString();
            case BooleanType t -> ((Boolean) value) ? "TRUE" : "FALSE";
            case BlobType t -> "'" + Blobs.toText((byte[]) value) + "'::BLOB";
            default -> value.toString();
        };
    }

    private static void append(StringBuilder out, RowExpression expression, IntFunction<String> names)
    {
        switch (expression) {
            case InputReference reference -> out.append(names.apply(reference.index()));
            case Constant constant -> out.append(formatConstant(constant.value(), constant.type()));
            case Cast cast -> {
                out.append(cast.tryCast() ? "TRY_CAST(" : "CAST(");
                append(out, cast.input(), names);
                out.append(" AS ").append(cast.type().sqlName()).append(')');
            }
            case CaseExpression caseExpression -> {
                out.append("CASE");
                for (CaseExpression.WhenClause clause : caseExpression.whenClauses()) {
                    out.append(" WHEN ");
                    append(out, clause.condition(), names);
                    out.append(" THEN ");
                    append(out, clause.result(), names);
                }
                out.append(" ELSE ");
                append(out, caseExpression.elseValue(), names);
                out.append(" END");
            }
            case InListExpression inList -> {
                append(out, inList.value(), names);
                out.append(" IN (");
                appendList(out, inList.list(), names);
                out.append(')');
            }
            case LikeExpression like -> {
                append(out, like.value(), names);
                out.append(like.caseInsensitive() ? " ILIKE " : " LIKE ");
                append(out, like.pattern(), names);
                like.escape().ifPresent(escape -> {
                    out.append(" ESCAPE ");
                    append(out, escape, names);
                });
            }
            case Call call -> appendCall(out, call, names);
        }
    }

    private static void appendCall(StringBuilder out, Call call, IntFunction<String> names)
    {
        String infix = switch (call.function()) {
            case ADD -> " + ";
            case SUBTRACT -> " - ";
            case MULTIPLY -> " * ";
            case DIVIDE -> " / ";
            case MODULO -> " % ";
            case EQUAL -> " = ";
            case NOT_EQUAL -> " <> ";
            case LESS_THAN -> " < ";
            case LESS_THAN_OR_EQUAL -> " <= ";
            case GREATER_THAN -> " > ";
            case GREATER_THAN_OR_EQUAL -> " >= ";
            case IS_DISTINCT_FROM -> " IS DISTINCT FROM ";
            case IS_NOT_DISTINCT_FROM -> " IS NOT DISTINCT FROM ";
            case AND -> " AND ";
            case OR -> " OR ";
            case CONCAT -> " || ";
            default -> null;
        };
        if (infix != null) {
            out.append('(');
            for (int i = 0; i < call.arguments().size(); i++) {
                if (i > 0) {
                    out.append(infix);
                }
                append(out, call.argument(i), names);
            }
            out.append(')');
            return;
        }
        switch (call.function()) {
            case NEGATE -> {
                out.append("(-");
                append(out, call.argument(0), names);
                out.append(')');
            }
            case NOT -> {
                out.append("(NOT ");
                append(out, call.argument(0), names);
                out.append(')');
            }
            case IS_NULL, IS_NOT_NULL -> {
                out.append('(');
                append(out, call.argument(0), names);
                out.append(call.function() == dev.basalt.planner.expression.Function.IS_NULL ? " IS NULL)" : " IS NOT NULL)");
            }
            default -> {
                out.append(call.function().name().toLowerCase(Locale.ROOT)).append('(');
                appendList(out, call.arguments(), names);
                out.append(')');
            }
        }
    }

    private static void appendList(StringBuilder out, List<RowExpression> expressions, IntFunction<String> names)
    {
        for (int i = 0; i < expressions.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            append(out, expressions.get(i), names);
        }
    }
}
