package dev.basalt.planner.analyzer;

import dev.basalt.parser.tree.Node;
import dev.basalt.planner.expression.Constant;
import dev.basalt.planner.expression.RowExpression;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.BlobType;
import dev.basalt.spi.type.DataType;
import dev.basalt.spi.type.DataTypes;
import dev.basalt.spi.type.NullType;
import dev.basalt.spi.type.VarcharType;
import java.util.ArrayList;
import java.util.List;

/**
 * Argument checks shared by {@link ExpressionAnalyzer} and {@link FunctionLibraryBinder}: each accepts an argument of the
 * expected type family, types an untyped NULL, and otherwise reports the call as an undefined function (42883), the way
 * DuckDB reports a call with no matching overload.
 */
final class ArgumentCoercion
{
    private ArgumentCoercion() {}

    static void requireArguments(String name, List<RowExpression> arguments, int min, int max, Node node)
    {
        if (arguments.size() < min || arguments.size() > max) {
            throw undefinedFunction(name, arguments, node);
        }
    }

    static List<RowExpression> varchars(List<RowExpression> arguments, String name, Node node)
    {
        List<RowExpression> result = new ArrayList<>();
        for (RowExpression argument : arguments) {
            result.add(varchar(argument, name, node));
        }
        return result;
    }

    static RowExpression varchar(RowExpression argument, String name, Node node)
    {
        return accept(argument, argument.type() instanceof VarcharType, DataTypes.VARCHAR, name, node);
    }

    static RowExpression blob(RowExpression argument, String name, Node node)
    {
        return accept(argument, argument.type() instanceof BlobType, DataTypes.BLOB, name, node);
    }

    static RowExpression numeric(RowExpression argument, String name, Node node)
    {
        return accept(argument, argument.type().isNumeric(), DataTypes.INTEGER, name, node);
    }

    /** A numeric argument (or a string literal, parsed) as {@code type}; DECIMAL/DOUBLE values are rounded by the cast. */
    static RowExpression numericAs(OperatorTyping typing, RowExpression argument, DataType type, String name, Node node)
    {
        if (OperatorTyping.isStringConstant(argument)) {
            return typing.literalAs((Constant) argument, type, name, node);
        }
        return TypeCoercion.coerce(numeric(argument, name, node), type);
    }

    /** A DATE/TIMESTAMP argument; a string literal is parsed as TIMESTAMP. */
    static RowExpression dateTime(OperatorTyping typing, RowExpression argument, String name, Node node)
    {
        if (OperatorTyping.isStringConstant(argument)) {
            return typing.literalAs((Constant) argument, DataTypes.TIMESTAMP, name, node);
        }
        return accept(argument, TypeCoercion.isDateTime(argument.type()), DataTypes.TIMESTAMP, name, node);
    }

    static BasaltException undefinedFunction(String name, List<RowExpression> arguments, Node node)
    {
        List<String> types = new ArrayList<>();
        for (RowExpression argument : arguments) {
            types.add(argument.type().sqlName());
        }
        return SemanticErrors.error(ErrorCode.UNDEFINED_FUNCTION, "function " + name + "(" + String.join(", ", types) + ") does not exist", node);
    }

    private static RowExpression accept(RowExpression argument, boolean accepted, DataType nullType, String name, Node node)
    {
        if (accepted) {
            return argument;
        }
        if (argument.type() instanceof NullType) {
            return TypeCoercion.coerce(argument, nullType);
        }
        throw undefinedFunction(name, List.of(argument), node);
    }
}
