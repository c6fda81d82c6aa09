package dev.basalt.execution.expression;

import dev.basalt.spi.error.BasaltException;
import dev.basalt.spi.error.ErrorCode;
import dev.basalt.spi.type.DataType;

/** The user-facing errors raised while evaluating expressions. */
final class Errors
{
    private Errors() {}

    static BasaltException divisionByZero()
    {
        return new BasaltException(ErrorCode.DIVISION_BY_ZERO, "division by zero");
    }

    static BasaltException outOfRange(DataType type)
    {
        return new BasaltException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, type.sqlName() + " out of range");
    }

    static BasaltException unsupported(String what)
    {
        return new BasaltException(ErrorCode.FEATURE_NOT_SUPPORTED, what + " is not supported");
    }
}
