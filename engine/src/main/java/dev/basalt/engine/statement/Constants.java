package dev.basalt.engine.statement;

import dev.basalt.parser.tree.ArithmeticUnary;
import dev.basalt.parser.tree.BooleanLiteral;
import dev.basalt.parser.tree.ColumnReference;
import dev.basalt.parser.tree.DecimalLiteral;
import dev.basalt.parser.tree.DoubleLiteral;
import dev.basalt.parser.tree.Expression;
import dev.basalt.parser.tree.LongLiteral;
import dev.basalt.parser.tree.NullLiteral;
import dev.basalt.parser.tree.Parameter;
import dev.basalt.parser.tree.Sign;
import dev.basalt.parser.tree.StringLiteral;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;

import java.math.BigDecimal;

/**
 * Evaluates the constants of utility statements (SET values, COPY options, CALL arguments): literals, parameters
 * and signed numbers. Results: String, Long, BigDecimal, Double, Boolean or null.
 */
final class Constants
{
    private Constants() {}

    static Object evaluate(Expression expression, StatementContext context, String what)
    {
        return switch (expression) {
            case StringLiteral literal -> literal.value();
            case LongLiteral literal -> literal.value();
            case DecimalLiteral literal -> literal.value();
            case DoubleLiteral literal -> literal.value();
            case BooleanLiteral literal -> literal.value();
            case NullLiteral literal -> null;
            case Parameter parameter -> context.parameter(parameter.position());
            // SET search_path = main: a bare word is a name, taken as its text.
            case ColumnReference reference -> reference.name().toString();
            case ArithmeticUnary unary -> negateIf(unary.sign() == Sign.MINUS, evaluate(unary.value(), context, what), what);
            default -> throw new BasaltException(ErrorCode.FEATURE_NOT_SUPPORTED, what + " must be a constant");
        };
    }

    static String string(Expression expression, StatementContext context, String what)
    {
        Object value = evaluate(expression, context, what);
        if (value == null) {
            throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE, what + " must not be NULL");
        }
        return value.toString();
    }

    static boolean bool(Expression expression, StatementContext context, String what)
    {
        Object value = evaluate(expression, context, what);
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Long l && (l == 0 || l == 1)) {
            return l == 1;
        }
        if (value instanceof String s) {
            switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "true", "on", "yes", "1", "t" -> {
                    return true;
                }
                case "false", "off", "no", "0", "f" -> {
                    return false;
                }
                default -> { }
            }
        }
        throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE, what + " must be a boolean, not " + value);
    }

    private static Object negateIf(boolean negate, Object value, String what)
    {
        if (!negate) {
            return value;
        }
        return switch (value) {
            case Long l -> -l;
            case Integer i -> -(long) i;
            case BigDecimal d -> d.negate();
            case Double d -> -d;
            case null, default -> throw new BasaltException(ErrorCode.DATATYPE_MISMATCH, what + ": cannot negate " + value);
        };
    }
}
