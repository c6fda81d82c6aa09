package dev.basalt.engine.statement;

import dev.basalt.engine.QueryResult;
import dev.basalt.engine.memory.QueryMemory;
import dev.basalt.engine.result.UpdateCountResult;
import dev.basalt.engine.tpch.TpchLoader;
import dev.basalt.parser.tree.Call;
import dev.basalt.parser.tree.CallArgument;
import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;

import java.util.Locale;

import static java.util.Objects.requireNonNull;

/** CALL procedure(args). The one procedure so far: {@code dbgen(sf => x)} (or {@code dbgen(x)}), the TPC-H generator. */
public final class CallExecution implements StatementExecution
{
    private final Call statement;

    public CallExecution(Call statement)
    {
        this.statement = requireNonNull(statement, "statement is null");
    }

    @Override
    public QueryResult execute(StatementContext context)
    {
        String name = statement.name().toString().toLowerCase(Locale.ROOT);
        if (!name.equals("dbgen")) {
            throw new BasaltException(ErrorCode.UNDEFINED_FUNCTION, "procedure " + name + " does not exist (known: dbgen)");
        }
        double scaleFactor = scaleFactor(context);
        try (QueryMemory memory = context.newQueryMemory()) {
            return new UpdateCountResult(TpchLoader.load(context.catalog(), scaleFactor, memory.allocator(), context.settings().threads()));
        }
    }

    private double scaleFactor(StatementContext context)
    {
        Double scaleFactor = null;
        for (int i = 0; i < statement.arguments().size(); i++) {
            CallArgument argument = statement.arguments().get(i);
            String argumentName = argument.name().map(identifier -> identifier.value().toLowerCase(Locale.ROOT)).orElse(i == 0 ? "sf" : "");
            if (!argumentName.equals("sf")) {
                throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE, "dbgen takes one argument, sf (the scale factor); unexpected argument "
                        + (argumentName.isEmpty() ? "#" + (i + 1) : argumentName));
            }
            Object value = Constants.evaluate(argument.value(), context, "dbgen sf");
            if (!(value instanceof Number number)) {
                throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE, "dbgen sf must be a number, not " + value);
            }
            scaleFactor = number.doubleValue();
        }
        if (scaleFactor == null) {
            throw new BasaltException(ErrorCode.INVALID_PARAMETER_VALUE, "dbgen needs a scale factor: CALL dbgen(sf => 0.01)");
        }
        return scaleFactor;
    }
}
